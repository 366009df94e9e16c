package io.dddpersistence.eventstore;

import io.dddpersistence.vendor.DatabaseVendor;

/** Event-sourced aggregates and their snapshots on H2. */
class EventSourcedRepositoryH2IntegrationTests extends EventSourcedRepositoryIntegrationTests {

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.H2;
	}

}
