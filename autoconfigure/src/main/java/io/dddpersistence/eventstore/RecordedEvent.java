package io.dddpersistence.eventstore;

/**
 * A stored event with its payload turned back into its class, as projections and aggregates see it.
 *
 * @param stored the event as stored (position, aggregate, version, metadata)
 * @param payload the deserialized, upcast event object
 */
public record RecordedEvent(StoredEvent stored, Object payload) {

	public long version() {
		return this.stored.version();
	}

	public String aggregateId() {
		return this.stored.aggregateId();
	}

	public GlobalPosition globalPosition() {
		return this.stored.globalPosition();
	}

}
