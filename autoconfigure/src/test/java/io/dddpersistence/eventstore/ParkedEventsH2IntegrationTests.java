package io.dddpersistence.eventstore;

import io.dddpersistence.vendor.DatabaseVendor;

/** Poison events on H2: parked after their attempts, wherever they stand, and a park survives a restart. */
class ParkedEventsH2IntegrationTests extends ParkedEventsIntegrationTests {

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.H2;
	}

}
