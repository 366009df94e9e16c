package io.dddpersistence.eventstore;

/**
 * A read model kept up to date from the event store by a catch-up subscription. Declare one as a
 * bean and it is subscribed from position 0 on start-up. {@link #handle} runs inside the
 * subscription's batch transaction, which also stores the checkpoint: a projection that writes to
 * the same database through Spring (JdbcTemplate, JPA) is therefore updated exactly once per event.
 * Side effects outside that database (emails, HTTP calls) are at least once.
 */
public interface Projection {

	/** The subscription's name: the key of its checkpoint, unique per projection, stable over releases. */
	String name();

	/**
	 * Applies one event to the read model. Throwing rolls the batch back; the events before this one
	 * are committed on their own, and this one is retried until it has failed {@code max-attempts}
	 * times, then parked and skipped.
	 */
	void handle(RecordedEvent event);

	/** Clears the read model before a rebuild from position 0; runs in the reset's transaction. */
	default void reset() {
	}

}
