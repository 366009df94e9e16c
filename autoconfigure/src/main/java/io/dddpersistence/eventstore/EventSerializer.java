package io.dddpersistence.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.dddpersistence.entity.TimeOrderedUuids;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ClassUtils;

/**
 * Turns event objects into stored JSON and back, with stable type names from {@link EventType} and
 * {@link EventUpcaster}s that bring old payload revisions to the current one on read.
 */
public class EventSerializer {

	/** What to do with a stored event whose type name has no registered class. */
	public enum UnknownTypes {

		/** Throw {@link UnknownEventTypeException}, naming the type and position. */
		FAIL,

		/** Pass over the event, for readers that only care about some types. */
		SKIP

	}

	private final JsonMapper mapper;

	private final UnknownTypes unknownTypes;

	private final Map<String, Registration> byName = new ConcurrentHashMap<>();

	private final Map<Class<?>, Registration> byClass = new ConcurrentHashMap<>();

	private final Map<String, Map<Integer, EventUpcaster>> upcasters = new ConcurrentHashMap<>();

	public EventSerializer(JsonMapper mapper, UnknownTypes unknownTypes) {
		this.mapper = mapper;
		this.unknownTypes = unknownTypes;
	}

	/** Registers event classes annotated with {@link EventType}; a name may map to one class only. */
	public EventSerializer register(Collection<? extends Class<?>> eventClasses) {
		eventClasses.forEach(this::registration);
		return this;
	}

	/**
	 * Registers every class annotated with {@link EventType} in the given packages and below, so
	 * that events can be read before the application wrote one of their type.
	 */
	public EventSerializer registerAnnotatedIn(Collection<String> packages, ClassLoader classLoader) {
		List<Class<?>> found = new ArrayList<>();
		for (String name : EventTypeIndex.scan(packages)) {
			found.add(ClassUtils.resolveClassName(name, classLoader));
		}
		return register(found);
	}

	/** Adds upcasters; at most one per event type and source revision. */
	public EventSerializer addUpcasters(Collection<? extends EventUpcaster> additions) {
		for (EventUpcaster upcaster : additions) {
			EventUpcaster previous = this.upcasters.computeIfAbsent(upcaster.eventType(), (name) -> new ConcurrentHashMap<>())
				.putIfAbsent(upcaster.fromRevision(), upcaster);
			if (previous != null && previous != upcaster) {
				throw new IllegalStateException("Two upcasters for event type '" + upcaster.eventType()
						+ "' from revision " + upcaster.fromRevision() + ": " + previous.getClass().getName() + " and "
						+ upcaster.getClass().getName());
			}
		}
		return this;
	}

	/** The stored type name of an event class. */
	public String typeName(Class<?> eventClass) {
		return registration(eventClass).name();
	}

	/** Serializes an event of an aggregate, with no metadata, happening now. */
	public NewEvent serialize(String aggregateType, String aggregateId, Object event) {
		return serialize(aggregateType, aggregateId, event, Map.of());
	}

	/** Serializes an event of an aggregate with metadata (correlation id, user, ...). */
	public NewEvent serialize(String aggregateType, String aggregateId, Object event, Map<String, ?> metadata) {
		Registration registration = registration(event.getClass());
		String payload = this.mapper.writeValueAsString(event);
		String json = metadata.isEmpty() ? "{}" : this.mapper.writeValueAsString(metadata);
		return new NewEvent(TimeOrderedUuids.next(), aggregateType, aggregateId, registration.name(), registration.revision(),
				payload, json, Instant.now());
	}

	/**
	 * The event object of a stored event, upcast to the current revision; empty only when its type is
	 * unknown and unknown types are skipped.
	 * @throws UnknownEventTypeException when the type is unknown and unknown types fail
	 * @throws EventDeserializationException when the payload does not fit the class
	 */
	public Optional<Object> deserialize(StoredEvent event) {
		Registration registration = this.byName.get(event.eventType());
		if (registration == null) {
			if (this.unknownTypes == UnknownTypes.SKIP) {
				return Optional.empty();
			}
			throw new UnknownEventTypeException(event.position(), event.eventType());
		}
		try {
			if (event.revision() == registration.revision()) {
				return Optional.of(registration.reader().readValue(event.payload()));
			}
			return Optional.of(registration.reader().readValue(upcast(event, registration)));
		}
		catch (JacksonException ex) {
			throw new EventDeserializationException(event.position(), event.eventType(),
					"the payload does not fit " + registration.eventClass().getName() + " (revision "
							+ event.revision() + "): " + ex.getOriginalMessage(),
					ex);
		}
	}

	/** The typed form of a stored event, or empty when its type is skipped. */
	public Optional<RecordedEvent> record(StoredEvent event) {
		return deserialize(event).map((payload) -> new RecordedEvent(event, payload));
	}

	/** The typed forms of stored events, skipping unknown types when so configured. */
	public List<RecordedEvent> records(List<StoredEvent> events) {
		return events.stream().map(this::record).flatMap(Optional::stream).toList();
	}

	/** Reads JSON written by {@link #toJson(Object)} back into a class (used for snapshots). */
	<T> T fromJson(String json, Class<T> type) {
		return this.mapper.readValue(json, type);
	}

	String toJson(Object value) {
		return this.mapper.writeValueAsString(value);
	}

	private JsonNode upcast(StoredEvent event, Registration registration) {
		if (event.revision() > registration.revision()) {
			throw new EventDeserializationException(event.position(), event.eventType(), "it was written with revision "
					+ event.revision() + ", newer than " + registration.eventClass().getName() + " (revision "
					+ registration.revision() + "); deploy the newer event class", null);
		}
		JsonNode payload = this.mapper.readTree(event.payload());
		Map<Integer, EventUpcaster> chain = this.upcasters.getOrDefault(event.eventType(), Map.of());
		for (int revision = event.revision(); revision < registration.revision(); revision++) {
			EventUpcaster upcaster = chain.get(revision);
			if (upcaster == null) {
				throw new EventDeserializationException(event.position(), event.eventType(), "no upcaster from revision "
						+ revision + " to " + (revision + 1) + " is registered", null);
			}
			payload = upcaster.upcast(payload);
		}
		return payload;
	}

	private Registration registration(Class<?> eventClass) {
		Registration known = this.byClass.get(eventClass);
		if (known != null) {
			return known;
		}
		EventType annotation = eventClass.getAnnotation(EventType.class);
		if (annotation == null) {
			throw new IllegalArgumentException("Event class " + eventClass.getName() + " has no @EventType; annotate it "
					+ "with a stable name such as @EventType(\"order-placed\") so that stored events outlive renames");
		}
		Registration registration = new Registration(annotation.value(), annotation.revision(), eventClass,
				this.mapper.readerFor(eventClass));
		Registration existing = this.byName.putIfAbsent(registration.name(), registration);
		if (existing != null && existing.eventClass() != eventClass) {
			throw new IllegalStateException("Event type name '" + registration.name() + "' is used by both "
					+ existing.eventClass().getName() + " and " + eventClass.getName() + "; names must be unique");
		}
		this.byClass.put(eventClass, registration);
		return registration;
	}

	private record Registration(String name, int revision, Class<?> eventClass, ObjectReader reader) {
	}

}
