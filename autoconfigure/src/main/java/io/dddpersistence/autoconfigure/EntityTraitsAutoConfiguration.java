package io.dddpersistence.autoconfigure;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Import;

import io.dddpersistence.entity.EntityProperties;
import io.dddpersistence.entity.EntityTraitsConfiguration;

/**
 * Turns the entity traits on before JPA is configured, so that their listeners, naming strategy
 * and Hibernate settings reach the entity manager factory; the beans are declared in
 * {@link EntityTraitsConfiguration}.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ EntityManagerFactory.class, org.hibernate.Session.class })
@EnableConfigurationProperties(EntityProperties.class)
@Import(EntityTraitsConfiguration.class)
public final class EntityTraitsAutoConfiguration {

}
