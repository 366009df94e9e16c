package io.dddpersistence.outbox;

import javax.sql.DataSource;

import io.dddpersistence.vendor.DatabaseVendor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refuses, at start-up, an outbox the database cannot run as configured. PostgreSQL runs pollers in
 * any number of instances, and feeds the cdc relay when its {@code wal_level} is {@code logical} (a
 * warning says when it is not). H2 runs them in one instance only: its claim is correct among the pollers
 * of one instance, but H2 has no {@code FOR UPDATE SKIP LOCKED} to rely on across instances, so two
 * instances sharing an H2 server could publish the same message twice.
 * <p>
 * It is a bean of its own, created once before the outbox's table, writer and poller, so the check
 * runs once whichever of them the application keeps.
 */
final class OutboxStartupCheck {

	/** The property that declares how many instances run a poller on the database. */
	static final String INSTANCES_PROPERTY = OutboxProperties.PREFIX + ".instances";

	static final String RELAY_PROPERTY = OutboxProperties.PREFIX + ".relay";

	static final String CLAIM_PROPERTY = OutboxProperties.PREFIX + ".claim";

	private static final Log logger = LogFactory.getLog(OutboxStartupCheck.class);

	private final DatabaseVendor vendor;

	/**
	 * Fails for a database the outbox has no SQL for, for more than one polling instance on H2, and
	 * for a relay or claim mode the database cannot run.
	 * @param dataSource the outbox's data source
	 * @param settings the outbox's settings: how many instances poll, the relay and the claim mode
	 */
	OutboxStartupCheck(DataSource dataSource, OutboxProperties settings) {
		this.vendor = DatabaseVendor.of(dataSource, "the outbox");
		if (settings.relay() == OutboxProperties.Relay.CDC) {
			requireLogicalDecoding(dataSource);
			return;
		}
		if (settings.claim() == OutboxProperties.Claim.LOCK && this.vendor != DatabaseVendor.POSTGRESQL) {
			throw new IllegalStateException(CLAIM_PROPERTY + "=lock needs PostgreSQL's FOR UPDATE SKIP LOCKED; on "
					+ this.vendor + " the poller leases its batches: use " + CLAIM_PROPERTY + "=auto or lease.");
		}
		int instances = settings.instances();
		if (this.vendor == DatabaseVendor.H2 && instances > 1) {
			throw new IllegalStateException(INSTANCES_PROPERTY + "=" + instances + ", but on H2 the outbox runs in one "
					+ "instance only: H2 has no FOR UPDATE SKIP LOCKED that keeps the pollers of several instances "
					+ "apart, so they could publish a message twice. Set " + INSTANCES_PROPERTY + "=1 and run the "
					+ "poller in one instance (ddd.persistence.outbox.poller-enabled=false in the others), or use "
					+ "PostgreSQL.");
		}
	}

	/*
	 * The cdc relay is a connector reading PostgreSQL's write-ahead log through logical decoding. A
	 * server without wal_level=logical cannot feed it, which the connector would only say once it
	 * starts, elsewhere; a server the application cannot ask is left to the connector.
	 */
	private void requireLogicalDecoding(DataSource dataSource) {
		if (this.vendor != DatabaseVendor.POSTGRESQL) {
			throw new IllegalStateException(RELAY_PROPERTY + "=cdc needs PostgreSQL: the change data capture "
					+ "engine reads the outbox rows from its write-ahead log. On " + this.vendor
					+ " use " + RELAY_PROPERTY + "=poller.");
		}
		String walLevel;
		try {
			walLevel = new JdbcTemplate(dataSource).queryForObject("SHOW wal_level", String.class);
		}
		catch (DataAccessException ex) {
			logger.debug("Could not read wal_level; leaving the check to the connector", ex);
			return;
		}
		if (!"logical".equals(walLevel)) {
			logger.warn(RELAY_PROPERTY + "=cdc, but this PostgreSQL server runs with wal_level=" + walLevel
					+ ": a change data capture connector needs wal_level=logical (set it and restart the server), "
					+ "or it reads nothing and the outbox messages are never published.");
		}
	}

	/** The database the check found. */
	DatabaseVendor vendor() {
		return this.vendor;
	}

}
