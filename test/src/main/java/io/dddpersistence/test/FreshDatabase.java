package io.dddpersistence.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated Spring test's application context its own fresh database, wired as
 * {@code spring.datasource.*}: PostgreSQL with PostGIS by default ({@link TestDatabases#create()}),
 * or an in-memory H2 ({@link TestDatabases#createH2()}) with {@code @FreshDatabase(Database.H2)}.
 * A subclass annotated for H2 reruns its parent's PostgreSQL tests on H2.
 * <p>
 * On PostgreSQL the first context of a schema (its migration scripts and {@code spring.flyway.*},
 * {@code spring.liquibase.*}, {@code spring.jpa.*}, {@code spring.sql.init.*},
 * {@code ddd.persistence.*} settings) keeps its database, once Flyway, Liquibase and the library have
 * migrated it and before SQL init scripts run, as a template on the server; the next contexts of the
 * same schema are cloned from it (see {@link #migratedTemplate()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface FreshDatabase {

	/** The database the context gets. */
	Database value() default Database.POSTGRESQL;

	/**
	 * On PostgreSQL, whether the database starts as a copy of the migrated schema a previous context
	 * with the same migrations and settings left (in this run or an earlier one), instead of empty.
	 * The context's Flyway then finds nothing to apply. Turn it off for a test that must watch the
	 * migrations run.
	 */
	boolean migratedTemplate() default true;

}
