package io.dddpersistence.entity;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextRefreshedEvent;
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

	// what the start-up checks found missing: a failure, a warning, or the migration script
	@Bean
	@ConditionalOnMissingBean
	SchemaFindings schemaFindings(EntityProperties properties) {
		return new SchemaFindings(properties.migrationScript(), properties.indexCheck());
	}

	// once the context is refreshed, after every check (each a SmartInitializingSingleton) has run
	@Bean
	@ConditionalOnMissingBean(name = "migrationScriptWriter")
	ApplicationListener<ContextRefreshedEvent> migrationScriptWriter(SchemaFindings findings) {
		return (event) -> findings.write();
	}

	// declared before the index check, so that it runs first: a missing column is the first thing to fix
	@Bean
	@ConditionalOnBean(DataSource.class)
	@ConditionalOnMissingBean(name = "entityTraitColumnCheck")
	SmartInitializingSingleton entityTraitColumnCheck(EntityManagerFactory entityManagerFactory, DataSource dataSource,
			DatabaseVendors vendors, SchemaFindings findings) {
		return new TraitColumnCheck(entityManagerFactory, dataSource, vendors, findings);
	}

	@Bean
	@ConditionalOnBean(DataSource.class)
	@ConditionalOnMissingBean(name = "entityTraitIndexCheck")
	SmartInitializingSingleton entityTraitIndexCheck(EntityManagerFactory entityManagerFactory, DataSource dataSource,
			ObjectProvider<DeclaredIndexes> more, DatabaseVendors vendors, SchemaFindings findings) {
		return new TraitIndexStartupCheck(entityManagerFactory, dataSource, more, vendors, findings);
	}

}
