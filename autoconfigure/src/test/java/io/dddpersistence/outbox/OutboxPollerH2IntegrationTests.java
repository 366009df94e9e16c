package io.dddpersistence.outbox;

import io.dddpersistence.vendor.DatabaseVendor;

/**
 * The relay behaviour of {@link OutboxPollerIntegrationTests} (order, retries, back-off, dead
 * messages, lease takeover, outages, shutdown, per-key order), on H2.
 */
class OutboxPollerH2IntegrationTests extends OutboxPollerIntegrationTests {

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.H2;
	}

}
