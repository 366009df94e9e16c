package io.dddpersistence.outbox.capture;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

import org.springframework.test.context.TestPropertySource;

/**
 * The capture of {@code @Externalized} domain events of {@link DomainEventCaptureIntegrationTests},
 * with the auto-configured outbox and poller, on H2.
 */
@FreshDatabase(Database.H2)
@TestPropertySource(properties = "ddd.persistence.event-store.enabled=false")
class DomainEventCaptureH2IntegrationTests extends DomainEventCaptureIntegrationTests {

}
