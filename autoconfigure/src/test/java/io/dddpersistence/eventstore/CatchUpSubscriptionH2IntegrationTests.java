package io.dddpersistence.eventstore;

import io.dddpersistence.vendor.DatabaseVendor;

/** Projections on H2: checkpoints, leases, take-over, parking, reset and lost connections. */
class CatchUpSubscriptionH2IntegrationTests extends CatchUpSubscriptionIntegrationTests {

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.H2;
	}

}
