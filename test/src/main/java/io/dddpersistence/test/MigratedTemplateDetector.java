package io.dddpersistence.test;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that the {@link MigratedTemplate} bean initialises the database, ordered after
 * Flyway and Liquibase (order 1) and the library's own scripts (order 100), and before the SQL init
 * scripts (Boot orders them last): Boot creates it once the schema is migrated and before any bean
 * that uses the database.
 */
final class MigratedTemplateDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	static final int ORDER = 200;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigratedTemplate.class);
	}

}
