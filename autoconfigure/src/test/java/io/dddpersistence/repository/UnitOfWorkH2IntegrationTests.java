package io.dddpersistence.repository;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.testsupport.FreshDatabase;

/** The behaviour of {@link UnitOfWorkIntegrationTests}, on H2. */
@FreshDatabase(DatabaseVendor.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class UnitOfWorkH2IntegrationTests extends UnitOfWorkIntegrationTests {

}
