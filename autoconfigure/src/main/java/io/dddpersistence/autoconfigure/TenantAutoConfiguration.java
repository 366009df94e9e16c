package io.dddpersistence.autoconfigure;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Import;

import io.dddpersistence.tenant.TenantConfiguration;
import io.dddpersistence.tenant.TenantProperties;

/**
 * Turns tenancy on before JPA is configured, so that its Hibernate setting reaches the entity
 * manager factory; its beans are declared in {@link TenantConfiguration}.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ EntityManagerFactory.class, org.hibernate.Session.class })
@EnableConfigurationProperties(TenantProperties.class)
@Import(TenantConfiguration.class)
public final class TenantAutoConfiguration {

}
