package io.dddpersistence.outbox;

/**
 * {@link OutboxReliabilityIntegrationTests} in lock mode with
 * {@code ddd.persistence.outbox.retention.delete-on-publish=true}: four pollers still deliver every
 * message exactly once, and each key's messages in order, while the publisher fails at random, and
 * the table is empty once they are done.
 */
class OutboxReliabilityDeleteOnPublishIntegrationTests extends OutboxReliabilityIntegrationTests {

	@Override
	OutboxProperties.Claim claim() {
		return OutboxProperties.Claim.LOCK;
	}

	@Override
	boolean deleteOnPublish() {
		return true;
	}

}
