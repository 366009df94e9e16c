package io.dddpersistence.outbox;

import io.dddpersistence.vendor.DatabaseVendor;

/** The writer behaviour of {@link OutboxWriterIntegrationTests}, on H2 (JSON columns instead of jsonb). */
class OutboxWriterH2IntegrationTests extends OutboxWriterIntegrationTests {

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.H2;
	}

}
