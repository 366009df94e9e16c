package io.dddpersistence.outbox;

import io.dddpersistence.migration.DatabaseVendor;
import org.junit.jupiter.api.BeforeAll;

/**
 * Dead messages, resubmission, retention, backlog, health, metrics and the endpoint of
 * {@link OutboxAdminIntegrationTests}, on H2.
 */
class OutboxAdminH2IntegrationTests extends OutboxAdminIntegrationTests {

	// hides the PostgreSQL table of the superclass
	@BeforeAll
	static void createTable() {
		use(OutboxTestTable.create(DatabaseVendor.H2));
	}

}
