package io.dddpersistence.eventstore.outbox;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.testsupport.FreshDatabase;

/** The event store to outbox bridge on H2: the same behaviour as on PostgreSQL. */
@FreshDatabase(DatabaseVendor.H2)
class EventStoreOutboxBridgeH2IntegrationTests extends EventStoreOutboxBridgeIntegrationTests {

}
