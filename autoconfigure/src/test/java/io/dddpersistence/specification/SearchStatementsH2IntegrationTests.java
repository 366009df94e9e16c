package io.dddpersistence.specification;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/** The bound values of {@link SearchStatementsIntegrationTests}, on H2. */
@FreshDatabase(Database.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class SearchStatementsH2IntegrationTests extends SearchStatementsIntegrationTests {

	@Override
	String exactTestInMetres() {
		return "ddd_geodesic_metres(";
	}

}
