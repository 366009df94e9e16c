package io.dddpersistence.eventstore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.dddpersistence.entity.TimeOrderedUuids;

/**
 * An event about to be appended, already serialized: the aggregate it belongs to, its stable type
 * name and payload revision, and its payload and metadata as JSON text. The store assigns the
 * version and the global position.
 *
 * @param eventId a unique id, so that a retried append of the same event can be recognised
 * @param aggregateType the aggregate's type name, e.g. {@code order}
 * @param aggregateId the aggregate's id within its type
 * @param eventType the stable event type name, e.g. {@code order-placed}
 * @param revision the payload revision (starts at 1; upcasters lift older ones)
 * @param payload the event as a JSON document
 * @param metadata extra facts as a JSON object (correlation id, user), {@code {}} when none
 * @param occurredAt when the event happened
 */
public record NewEvent(UUID eventId, String aggregateType, String aggregateId, String eventType, int revision,
		String payload, String metadata, Instant occurredAt) {

	public NewEvent {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(aggregateType, "aggregateType");
		Objects.requireNonNull(aggregateId, "aggregateId");
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(payload, "payload");
		Objects.requireNonNull(metadata, "metadata");
		Objects.requireNonNull(occurredAt, "occurredAt");
		if (revision < 1) {
			throw new IllegalArgumentException("Event revision must be 1 or more, not " + revision);
		}
	}

	/** An event of revision 1 with a new time-ordered id ({@link TimeOrderedUuids}), no metadata, happening now. */
	public static NewEvent of(String aggregateType, String aggregateId, String eventType, String payload) {
		return new NewEvent(TimeOrderedUuids.next(), aggregateType, aggregateId, eventType, 1, payload, "{}",
				Instant.now());
	}

}
