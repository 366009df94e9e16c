package io.dddpersistence.specification;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/** The search language of {@link SearchLanguageIntegrationTests}, on H2. */
@FreshDatabase(Database.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class SearchLanguageH2IntegrationTests extends SearchLanguageIntegrationTests {

}
