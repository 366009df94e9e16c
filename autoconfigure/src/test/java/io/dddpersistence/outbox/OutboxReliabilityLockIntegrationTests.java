package io.dddpersistence.outbox;

/**
 * {@link OutboxReliabilityIntegrationTests} with pollers that hold their batches locked in an open
 * transaction instead of leasing them ({@code ddd.persistence.outbox.claim=lock}): four pollers still
 * deliver every message exactly once, and each key's messages in order, while the publisher fails at
 * random.
 */
class OutboxReliabilityLockIntegrationTests extends OutboxReliabilityIntegrationTests {

	@Override
	OutboxProperties.Claim claim() {
		return OutboxProperties.Claim.LOCK;
	}

}
