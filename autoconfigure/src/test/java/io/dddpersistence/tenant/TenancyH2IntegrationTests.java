package io.dddpersistence.tenant;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/** The tenancy behaviour of {@link TenancyIntegrationTests}, on H2: filters and checks are vendor-neutral. */
@FreshDatabase(Database.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class TenancyH2IntegrationTests extends TenancyIntegrationTests {

}
