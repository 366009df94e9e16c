package io.dddpersistence.migration;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;

/**
 * Tells Spring Boot that each {@link LibrarySchema} bean initialises the database. Boot then
 * creates every bean that depends on database initialisation after it: the JPA entity manager
 * factory, JDBC users it detects, and the library's beans marked
 * {@link DependsOnDatabaseInitialization @DependsOnDatabaseInitialization}. That is how the library's
 * tables exist before anything reads or writes them, with no ordering written by hand.
 * <p>
 * The detector is ordered after Boot's Flyway and Liquibase detectors (order 1), so Boot puts the
 * library's schemas in a later batch: the application's own migrations run first, on the schema as
 * the application left it. Run the other way round, Flyway would find the library's tables in an
 * empty schema with no history table and refuse to start ("non-empty schema but no schema history
 * table").
 */
final class LibrarySchemaDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	/** After Boot's Flyway and Liquibase detectors (order 1), before its SQL script initializer. */
	static final int ORDER = 100;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(LibrarySchema.class);
	}

}
