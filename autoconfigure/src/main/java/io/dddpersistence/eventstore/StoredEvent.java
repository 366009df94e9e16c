package io.dddpersistence.eventstore;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as stored, serialized form: what the store reads back without deserializing the payload.
 *
 * @param position the global position, unique and assigned by the database at insert
 * @param transactionId the id of the transaction that appended it (its {@code xid8})
 * @param eventId the event's unique id
 * @param aggregateType the aggregate's type name
 * @param aggregateId the aggregate's id
 * @param version the aggregate's version after this event, contiguous from 1
 * @param eventType the stable event type name
 * @param revision the payload revision it was written with
 * @param payload the event as JSON text
 * @param metadata extra facts as JSON text
 * @param occurredAt when the event happened
 */
public record StoredEvent(long position, long transactionId, UUID eventId, String aggregateType, String aggregateId,
		long version, String eventType, int revision, String payload, String metadata, Instant occurredAt) {

	/** Where a reader stands after this event; read on from here to get the events that follow it. */
	public GlobalPosition globalPosition() {
		return new GlobalPosition(this.transactionId, this.position);
	}

}
