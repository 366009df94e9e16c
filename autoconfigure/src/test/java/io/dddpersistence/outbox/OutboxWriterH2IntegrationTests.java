package io.dddpersistence.outbox;

import io.dddpersistence.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeAll;

/** The writer behaviour of {@link OutboxWriterIntegrationTests}, on H2 (JSON columns instead of jsonb). */
class OutboxWriterH2IntegrationTests extends OutboxWriterIntegrationTests {

	// hides the PostgreSQL database of the superclass
	@BeforeAll
	static void createTables() {
		createTables(TestDatabases.createH2());
	}

}
