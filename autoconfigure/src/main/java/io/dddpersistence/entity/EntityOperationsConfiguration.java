package io.dddpersistence.entity;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

import io.dddpersistence.vendor.DatabaseVendors;
import io.dddpersistence.vendor.VendorConfiguration;

/**
 * What the entity traits offer once an entity manager factory exists: the {@link Archiving}
 * operations and the start-up check of the indexes the traits declare. Spring Boot imports it from
 * {@code EntityOperationsAutoConfiguration}, after JPA; an application without Boot's
 * auto-configuration may import it itself, next to {@link EntityTraitsConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@Import(VendorConfiguration.class)
public class EntityOperationsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Archiving archiving(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			AuditSource auditSource) {
		return new Archiving(entityManagerFactory, transactionManager, auditSource);
	}

	// declared before the index check, so that it runs first: a missing column is the first thing to fix
	@Bean
	@ConditionalOnBean(DataSource.class)
	@ConditionalOnMissingBean(name = "entityTraitColumnCheck")
	SmartInitializingSingleton entityTraitColumnCheck(EntityManagerFactory entityManagerFactory, DataSource dataSource,
			EntityProperties properties, DatabaseVendors vendors) {
		return new TraitColumnCheck(entityManagerFactory, dataSource, properties.indexCheck(), vendors);
	}

	@Bean
	@ConditionalOnBean(DataSource.class)
	@ConditionalOnMissingBean(name = "entityTraitIndexCheck")
	SmartInitializingSingleton entityTraitIndexCheck(EntityManagerFactory entityManagerFactory, DataSource dataSource,
			EntityProperties properties, ObjectProvider<DeclaredIndexes> more, DatabaseVendors vendors) {
		return new TraitIndexStartupCheck(entityManagerFactory, dataSource, properties.indexCheck(), more, vendors);
	}

}
