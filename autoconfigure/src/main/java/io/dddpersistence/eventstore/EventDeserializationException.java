package io.dddpersistence.eventstore;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.NonTransientDataAccessException;

/**
 * A stored event could not be turned back into its class: the payload does not fit the class, an
 * upcaster is missing, or the type name is not registered ({@link UnknownEventTypeException}).
 * Reading again will fail the same way; fix the class, register the type or add an upcaster.
 */
public class EventDeserializationException extends NonTransientDataAccessException {

	private final long position;

	private final String eventType;

	public EventDeserializationException(long position, String eventType, String reason, @Nullable Throwable cause) {
		super("Could not read the event at position " + position + " of type '" + eventType + "': " + reason, cause);
		this.position = position;
		this.eventType = eventType;
	}

	/** The global position of the event that failed. */
	public long getPosition() {
		return this.position;
	}

	/** The stored type name of the event that failed. */
	public String getEventType() {
		return this.eventType;
	}

}
