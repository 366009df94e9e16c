package io.dddpersistence.error;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/**
 * The logging of {@link TranslatedViolationLoggingIntegrationTests}, on H2: its messages differ,
 * and it reports a failed batch with one exception where PostgreSQL reports two.
 */
@FreshDatabase(Database.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class TranslatedViolationLoggingH2IntegrationTests extends TranslatedViolationLoggingIntegrationTests {

}
