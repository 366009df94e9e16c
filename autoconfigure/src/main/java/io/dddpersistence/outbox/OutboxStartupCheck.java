package io.dddpersistence.outbox;

import javax.sql.DataSource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.vendor.DatabaseVendors;

/**
 * Refuses, at start-up, an outbox the database cannot run as configured. PostgreSQL runs pollers in
 * any number of instances. H2 runs them in one instance only: its claim is correct among the pollers
 * of one instance, but H2 has no {@code FOR UPDATE SKIP LOCKED} to rely on across instances, so two
 * instances sharing an H2 server could publish the same message twice.
 * <p>
 * It is a bean of its own, created once before the outbox's table, writer and poller, so the check
 * runs once whichever of them the application keeps.
 */
final class OutboxStartupCheck {

	/** The property that declares how many instances run a poller on the database. */
	static final String INSTANCES_PROPERTY = OutboxProperties.PREFIX + ".instances";

	/** The setting that turns the outbox off, named when its database has no outbox SQL. */
	static final String DISABLE = OutboxProperties.PREFIX + ".enabled=false";

	private final DatabaseVendor vendor;

	/**
	 * Fails for a database the outbox has no SQL for, and for more than one polling instance on H2.
	 * @param dataSource the outbox's data source
	 * @param instances how many application instances run a poller on that database
	 * @param vendors where the data source's vendor is decided
	 */
	OutboxStartupCheck(DataSource dataSource, int instances, DatabaseVendors vendors) {
		this.vendor = vendors.require(dataSource, "The outbox", DISABLE);
		if (this.vendor == DatabaseVendor.H2 && instances > 1) {
			throw new IllegalStateException(INSTANCES_PROPERTY + "=" + instances + ", but on H2 the outbox runs in one "
					+ "instance only: H2 has no FOR UPDATE SKIP LOCKED that keeps the pollers of several instances "
					+ "apart, so they could publish a message twice. Set " + INSTANCES_PROPERTY + "=1 and run the "
					+ "poller in one instance (ddd.persistence.outbox.poller-enabled=false in the others), or use "
					+ "PostgreSQL.");
		}
	}

	/** The database the check found. */
	DatabaseVendor vendor() {
		return this.vendor;
	}

}
