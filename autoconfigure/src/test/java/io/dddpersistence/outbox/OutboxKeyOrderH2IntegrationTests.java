package io.dddpersistence.outbox;

import io.dddpersistence.vendor.DatabaseVendor;

/**
 * {@link OutboxKeyOrderIntegrationTests} on H2, which shows no open transactions to wait for: what
 * holds there is the order of writers serialized per key (as an aggregate's lock serializes them),
 * while the writers of different keys overlap, relayed by one poller.
 */
class OutboxKeyOrderH2IntegrationTests extends OutboxKeyOrderIntegrationTests {

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.H2;
	}

	@Override
	boolean waitsForOpenWriters() {
		return false;
	}

	@Override
	int pollers() {
		return 1;
	}

	@Override
	int transactionsPerWriter() {
		return 50;
	}

}
