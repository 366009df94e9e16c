package io.dddpersistence.eventstore;

/**
 * A stored event's type name has no registered class. Annotate the class with {@link EventType}
 * and register it (or let the auto-configuration find it), or set
 * {@code ddd.persistence.event-store.unknown-event-types=skip} to pass over such events.
 */
public class UnknownEventTypeException extends EventDeserializationException {

	public UnknownEventTypeException(long position, String eventType) {
		super(position, eventType, "no event class is registered under this name; annotate one with @EventType("
				+ "\"" + eventType + "\") and register it, or configure unknown event types to be skipped", null);
	}

}
