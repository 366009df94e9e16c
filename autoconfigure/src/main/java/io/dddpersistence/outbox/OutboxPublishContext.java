package io.dddpersistence.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link OutboxObservation#PUBLISH} observation knows: the message, the publisher and, once
 * the publisher returned, the outcome. Its carrier starts as the message's stored headers; a tracing
 * handler writes the publication's own trace context into it, and the publisher sends the carrier
 * as the broker message's headers, so that a consumer continues the trace.
 */
public class OutboxPublishContext extends SenderContext<Map<String, String>> {

	private final OutboxMessage message;

	private final String publisher;

	private String outcome = "published";

	public OutboxPublishContext(OutboxMessage message, String publisher) {
		super(OutboxPublishContext::put, Kind.PRODUCER);
		this.message = message;
		this.publisher = publisher;
		setCarrier(new LinkedHashMap<>(message.headers()));
		setRemoteServiceName(publisher);
	}

	private static void put(@Nullable Map<String, String> carrier, String name, String value) {
		if (carrier != null) {
			carrier.put(name, value);
		}
	}

	/** The message, as claimed. */
	public OutboxMessage getMessage() {
		return this.message;
	}

	/** The publisher: {@code in-process}, {@code rabbitmq}, {@code kafka}, or the class of the application's own. */
	public String getPublisher() {
		return this.publisher;
	}

	/** {@code published}, {@code failed} (retried later) or {@code unavailable} (the whole batch failed). */
	public String getOutcome() {
		return this.outcome;
	}

	void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
