package io.dddpersistence.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored outbox message, as publishers and {@link OutboxAdmin} see it.
 *
 * @param id the message id, also sent to the broker so that consumers can deduplicate
 * @param aggregateType the type of the aggregate that raised it, if known
 * @param aggregateId the id of that aggregate, if known
 * @param eventType what happened, by default the event's class name
 * @param destination where to publish: exchange, topic, or {@code null} for the publisher's default
 * @param key the routing/partition key, also the ordering key when per-key ordering is on
 * @param headers headers to send along
 * @param payload the payload as JSON
 * @param status where the message is in its life
 * @param attempts how many publications failed so far
 * @param lastError why the last publication failed
 * @param createdAt when the business transaction wrote it
 * @param publishedAt when it was published
 */
public record OutboxMessage(UUID id, @Nullable String aggregateType, @Nullable String aggregateId, String eventType,
		@Nullable String destination, @Nullable String key, Map<String, String> headers, String payload,
		OutboxStatus status, int attempts, @Nullable String lastError, Instant createdAt,
		@Nullable Instant publishedAt) {

	/** The header that carries {@link #id()} to consumers. */
	public static final String ID_HEADER = "ddd-outbox-id";

	/** The header that carries {@link #eventType()} to consumers. */
	public static final String EVENT_TYPE_HEADER = "ddd-outbox-event-type";

	public OutboxMessage {
		headers = Map.copyOf(headers);
	}

}
