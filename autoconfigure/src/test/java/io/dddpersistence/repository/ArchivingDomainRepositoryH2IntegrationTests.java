package io.dddpersistence.repository;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/** The behaviour of {@link ArchivingDomainRepositoryIntegrationTests}, on H2. */
@FreshDatabase(Database.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class ArchivingDomainRepositoryH2IntegrationTests extends ArchivingDomainRepositoryIntegrationTests {

}
