package io.dddpersistence.outbox;

/**
 * {@link OutboxReliabilityH2IntegrationTests} with
 * {@code ddd.persistence.outbox.retention.delete-on-publish=true}: the leasing poller deletes what it
 * published, exactly once and in key order.
 */
class OutboxReliabilityDeleteOnPublishH2IntegrationTests extends OutboxReliabilityH2IntegrationTests {

	@Override
	boolean deleteOnPublish() {
		return true;
	}

}
