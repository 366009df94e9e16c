package io.dddpersistence.web;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/**
 * The error answers of {@link ErrorPageIntegrationTests} on H2: they come from the web layer, and an
 * ambiguous tenant writes nothing whatever the database.
 */
@FreshDatabase(Database.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class ErrorPageH2IntegrationTests extends ErrorPageIntegrationTests {

}
