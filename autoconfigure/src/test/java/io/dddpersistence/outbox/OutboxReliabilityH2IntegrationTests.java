package io.dddpersistence.outbox;

import io.dddpersistence.vendor.DatabaseVendor;

/**
 * {@link OutboxReliabilityIntegrationTests} on H2, where the outbox runs in one instance
 * ({@code ddd.persistence.outbox.instances=1}): one poller drains the table exactly once, and in
 * key order, while the publisher fails at random.
 */
class OutboxReliabilityH2IntegrationTests extends OutboxReliabilityIntegrationTests {

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.H2;
	}

	@Override
	int pollers() {
		return 1;
	}

	@Override
	int messages() {
		return 10_000;
	}

}
