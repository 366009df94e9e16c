package io.dddpersistence.eventstore;

import tools.jackson.databind.JsonNode;

/**
 * Lifts stored payloads of one event type from one revision to the next, when they are read.
 * Stored events are never rewritten; a chain of upcasters (1 to 2, 2 to 3, ...) brings any old
 * payload to the revision of the current class.
 */
public interface EventUpcaster {

	/** The event type name whose payloads this upcaster changes. */
	String eventType();

	/** The revision it reads; it returns a payload of {@code fromRevision() + 1}. */
	int fromRevision();

	/** The payload in the next revision's shape (it may change the given node and return it). */
	JsonNode upcast(JsonNode payload);

}
