package io.dddpersistence.migration;

/**
 * When a capability's scripts run against the application's own Flyway (or Liquibase) migrations
 * at start-up.
 */
public enum SchemaOrder {

	/**
	 * After the application's migrations (the default): the application's Flyway finds its schema as
	 * it left it, and the library's history table beside its own.
	 */
	AFTER_APPLICATION,

	/**
	 * Before the application's migrations, so that they may refer to the library's tables (a view over
	 * the event store, a foreign key to the outbox). The application's Flyway then finds a schema that
	 * is not empty on its first run: it needs {@code spring.flyway.baseline-on-migrate=true} and
	 * {@code spring.flyway.baseline-version=0}, or it refuses to start.
	 */
	BEFORE_APPLICATION

}
