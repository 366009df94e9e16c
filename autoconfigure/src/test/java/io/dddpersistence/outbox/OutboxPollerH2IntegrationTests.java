package io.dddpersistence.outbox;

import io.dddpersistence.migration.DatabaseVendor;
import org.junit.jupiter.api.BeforeAll;

/**
 * The relay behaviour of {@link OutboxPollerIntegrationTests} (order, retries, back-off, dead
 * messages, lease takeover, outages, shutdown, per-key order), on H2.
 */
class OutboxPollerH2IntegrationTests extends OutboxPollerIntegrationTests {

	// hides the PostgreSQL table of the superclass
	@BeforeAll
	static void createTable() {
		outbox = OutboxTestTable.create(DatabaseVendor.H2);
	}

}
