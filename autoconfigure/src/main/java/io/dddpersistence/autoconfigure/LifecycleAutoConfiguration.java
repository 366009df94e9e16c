package io.dddpersistence.autoconfigure;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Import;

import io.dddpersistence.lifecycle.LifecycleConfiguration;

/**
 * Runs the application's {@code EntityLifecycleHook} beans as entities are written; the beans are
 * declared in {@link LifecycleConfiguration}.
 */
@AutoConfiguration(after = { HibernateJpaAutoConfiguration.class, EntityTraitsAutoConfiguration.class,
		TenantAutoConfiguration.class })
@ConditionalOnClass({ EntityManagerFactory.class, org.hibernate.Session.class })
@Import(LifecycleConfiguration.class)
public final class LifecycleAutoConfiguration {

}
