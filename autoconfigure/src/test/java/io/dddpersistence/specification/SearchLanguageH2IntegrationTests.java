package io.dddpersistence.specification;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.testsupport.FreshDatabase;

/** The search language of {@link SearchLanguageIntegrationTests}, on H2. */
@FreshDatabase(DatabaseVendor.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class SearchLanguageH2IntegrationTests extends SearchLanguageIntegrationTests {

}
