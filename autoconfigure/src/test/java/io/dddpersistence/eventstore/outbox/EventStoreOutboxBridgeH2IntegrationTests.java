package io.dddpersistence.eventstore.outbox;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

/** The event store to outbox bridge on H2: the same behaviour as on PostgreSQL. */
@FreshDatabase(Database.H2)
class EventStoreOutboxBridgeH2IntegrationTests extends EventStoreOutboxBridgeIntegrationTests {

}
