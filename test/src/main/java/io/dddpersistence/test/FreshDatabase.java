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
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface FreshDatabase {

	/** The database the context gets. */
	Database value() default Database.POSTGRESQL;

}
