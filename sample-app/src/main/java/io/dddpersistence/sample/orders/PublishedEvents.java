package io.dddpersistence.sample.orders;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.dddpersistence.outbox.OutboxMessage;

/**
 * Stands in for the consumers of the order events: it logs and keeps the latest messages the
 * outbox delivered, whichever way they came (in-process events by default, the RabbitMQ queue with
 * the {@code rabbit} profile).
 * <p>
 * To show retries and dead messages, it refuses orders of the customer {@value #POISON}: their
 * messages fail until {@code ddd.persistence.outbox.max-attempts} is reached, and then wait in the
 * dead state for an operator ({@code POST /actuator/outbox}).
 */
@WhenOutboxEnabled
@Component
class PublishedEvents {

	static final String POISON = "poison";

	private static final Log logger = LogFactory.getLog(PublishedEvents.class);

	private static final int KEPT = 100;

	private final Deque<Received> latest = new ArrayDeque<>();

	private final JsonMapper json;

	PublishedEvents(JsonMapper json) {
		this.json = json;
	}

	/** Delivered by the in-process outbox publisher, on the poller's thread. */
	@EventListener
	void on(OutboxMessage message) {
		receive(message.id(), message.eventType(), message.key(), message.payload(), "in-process");
	}

	void receive(UUID id, String eventType, @Nullable String key, String payload,
			String via) {
		if (POISON.equals(this.json.readTree(payload).path("customer").asString())) {
			throw new IllegalStateException("The consumer refuses orders of customer '" + POISON + "'");
		}
		logger.info("Received " + eventType + " " + payload + " via " + via);
		synchronized (this.latest) {
			this.latest.addLast(new Received(id, eventType, key, payload, via, Instant.now()));
			if (this.latest.size() > KEPT) {
				this.latest.removeFirst();
			}
		}
	}

	List<Received> latest() {
		synchronized (this.latest) {
			return List.copyOf(this.latest);
		}
	}

	record Received(UUID messageId, String eventType, @Nullable String key, String payload,
			String via, Instant receivedAt) {
	}

}
