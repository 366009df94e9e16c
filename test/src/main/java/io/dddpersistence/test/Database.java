package io.dddpersistence.test;

/** The database {@link FreshDatabase} gives a test context. */
public enum Database {

	/** PostgreSQL with PostGIS, cloned from a template database ({@link TestDatabases#create()}). */
	POSTGRESQL,

	/** An in-memory H2 ({@link TestDatabases#createH2()}). */
	H2

}
