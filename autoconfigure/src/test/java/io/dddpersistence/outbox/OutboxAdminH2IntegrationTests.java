package io.dddpersistence.outbox;

import io.dddpersistence.vendor.DatabaseVendor;

/**
 * Dead messages, resubmission, retention, backlog, health, metrics and the endpoint of
 * {@link OutboxAdminIntegrationTests}, on H2.
 */
class OutboxAdminH2IntegrationTests extends OutboxAdminIntegrationTests {

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.H2;
	}

}
