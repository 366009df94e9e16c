package io.dddpersistence.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A message to write to the outbox with {@link OutboxWriter}. Start from {@link #of(String, Object)}
 * and add what the relay needs:
 *
 * <pre class="code">
 * writer.write(OutboundMessage.of("orders", new OrderPlaced(orderId, total))
 *     .aggregate("Order", orderId.toString())
 *     .header("tenant", tenantId));
 * </pre>
 *
 * @param destination where to publish (exchange or topic), {@code null} for the publisher's default
 * @param payload the payload, serialized to JSON at write time
 * @param eventType what happened; defaults to the payload's class name
 * @param aggregateType the type of the aggregate that raised it
 * @param aggregateId the id of that aggregate; the key defaults to it
 * @param key the routing/partition and ordering key
 * @param headers headers to send along
 */
public record OutboundMessage(@Nullable String destination, Object payload, String eventType,
		@Nullable String aggregateType, @Nullable String aggregateId, @Nullable String key,
		Map<String, String> headers) {

	public OutboundMessage {
		Objects.requireNonNull(payload, "payload must not be null");
		Objects.requireNonNull(eventType, "eventType must not be null");
		headers = Map.copyOf(headers);
	}

	/** A message with the payload's class name as event type, no aggregate, no key, no headers. */
	public static OutboundMessage of(@Nullable String destination, Object payload) {
		Objects.requireNonNull(payload, "payload must not be null");
		return new OutboundMessage(destination, payload, payload.getClass().getName(), null, null, null, Map.of());
	}

	/** The same message raised by the given aggregate. */
	public OutboundMessage aggregate(String type, String id) {
		return new OutboundMessage(this.destination, this.payload, this.eventType, type, id, this.key, this.headers);
	}

	/** The same message with an explicit routing/partition and ordering key. */
	public OutboundMessage key(@Nullable String key) {
		return new OutboundMessage(this.destination, this.payload, this.eventType, this.aggregateType,
				this.aggregateId, key, this.headers);
	}

	/** The same message with another event type. */
	public OutboundMessage eventType(String eventType) {
		return new OutboundMessage(this.destination, this.payload, eventType, this.aggregateType, this.aggregateId,
				this.key, this.headers);
	}

	/** The same message with one more header. */
	public OutboundMessage header(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new OutboundMessage(this.destination, this.payload, this.eventType, this.aggregateType,
				this.aggregateId, this.key, more);
	}

	/** The key stored with the message: the explicit key, else the aggregate id. */
	@Nullable String effectiveKey() {
		return (this.key != null) ? this.key : this.aggregateId;
	}

}
