package io.dddpersistence.eventstore;

import io.dddpersistence.vendor.DatabaseVendor;

/**
 * The same race on H2, scaled down (8,000 events over 50 aggregates): the eight writers queue for
 * the append lock instead of running side by side, and still conflict on versions they read before
 * taking it.
 */
class ConcurrentAppendH2IntegrationTests extends ConcurrentAppendIntegrationTests {

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.H2;
	}

	@Override
	int transactionsPerWriter() {
		return 100;
	}

	@Override
	int aggregates() {
		return 50;
	}

}
