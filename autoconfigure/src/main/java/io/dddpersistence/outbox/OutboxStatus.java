package io.dddpersistence.outbox;

/** Where a message is in its life: waiting (or being published), published, or dead. */
public enum OutboxStatus {

	/** Waiting for a poller, or claimed by one and being published. */
	PENDING,

	/** Confirmed by the publisher; kept until retention purges it. */
	PUBLISHED,

	/** Dead: failed {@code max-attempts} times; waits for a resubmission through {@link OutboxAdmin}. */
	FAILED

}
