package io.dddpersistence.autoconfigure;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

import io.dddpersistence.entity.EntityOperationsConfiguration;

/**
 * Turns on what the entity traits offer once an entity manager factory and a transaction manager
 * exist; the beans are declared in {@link EntityOperationsConfiguration}.
 */
@AutoConfiguration(after = { HibernateJpaAutoConfiguration.class, EntityTraitsAutoConfiguration.class })
@ConditionalOnBean({ EntityManagerFactory.class, PlatformTransactionManager.class })
@Import(EntityOperationsConfiguration.class)
public final class EntityOperationsAutoConfiguration {

}
