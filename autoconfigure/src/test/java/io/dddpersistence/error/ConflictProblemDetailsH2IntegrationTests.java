package io.dddpersistence.error;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/** The conflict answers of {@link ConflictProblemDetailsIntegrationTests}, on H2. */
@FreshDatabase(Database.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class ConflictProblemDetailsH2IntegrationTests extends ConflictProblemDetailsIntegrationTests {

}
