package io.dddpersistence.autoconfigure;

import io.dddpersistence.owner.OwnerConfiguration;
import io.dddpersistence.owner.OwnerProperties;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Owner-scoped rows, configured before JPA so that the owner context reaches the entity manager
 * factory's settings; the beans are declared in {@link OwnerConfiguration}.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ EntityManagerFactory.class, org.hibernate.Session.class })
@EnableConfigurationProperties(OwnerProperties.class)
@Import(OwnerConfiguration.class)
public final class OwnerAutoConfiguration {

}
