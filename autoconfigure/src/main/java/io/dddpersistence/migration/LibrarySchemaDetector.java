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
 */
final class LibrarySchemaDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(LibrarySchema.class);
	}

}
