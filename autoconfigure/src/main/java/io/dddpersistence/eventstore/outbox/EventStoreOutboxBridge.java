package io.dddpersistence.eventstore.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.dddpersistence.eventstore.AppendListener;
import io.dddpersistence.eventstore.NewEvent;
import io.dddpersistence.outbox.OutboundMessage;
import io.dddpersistence.outbox.OutboxWriter;

/**
 * Writes appended events to the outbox, in the append's transaction: the payload as stored, the
 * event's type name, its aggregate (also the key, so per-key ordering keeps an aggregate's events in
 * order), and headers with the event id and version so consumers can deduplicate and order.
 * Only the configured event types, or all when none are configured.
 */
public final class EventStoreOutboxBridge implements AppendListener {

	/** Header with the stored event's id. */
	public static final String EVENT_ID_HEADER = "ddd-event-id";

	/** Header with the event's version within its aggregate. */
	public static final String EVENT_VERSION_HEADER = "ddd-event-version";

	private final OutboxWriter writer;

	private final JsonMapper json;

	private final @Nullable String destination;

	private final Set<String> eventTypes;

	public EventStoreOutboxBridge(OutboxWriter writer, JsonMapper json, @Nullable String destination,
			Set<String> eventTypes) {
		this.writer = writer;
		this.json = json;
		this.destination = destination;
		this.eventTypes = Set.copyOf(eventTypes);
	}

	@Override
	public void appended(long firstVersion, List<NewEvent> events) {
		List<OutboundMessage> messages = new ArrayList<>(events.size());
		for (int i = 0; i < events.size(); i++) {
			NewEvent event = events.get(i);
			if (!this.eventTypes.isEmpty() && !this.eventTypes.contains(event.eventType())) {
				continue;
			}
			messages.add(OutboundMessage.of(this.destination, this.json.readTree(event.payload()))
				.eventType(event.eventType())
				.aggregate(event.aggregateType(), event.aggregateId())
				.header(EVENT_ID_HEADER, event.eventId().toString())
				.header(EVENT_VERSION_HEADER, Long.toString(firstVersion + i)));
		}
		if (!messages.isEmpty()) {
			this.writer.writeAll(messages);
		}
	}

}
