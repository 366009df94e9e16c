package io.dddpersistence.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes to Kafka: the whole batch is sent, then every send result is awaited, and a message
 * counts as published only when its send future succeeded (the broker acknowledged it according to
 * the producer's {@code acks}). The topic is the message's destination (else the configured
 * default), the record key the message's key, the value its JSON payload as a String, so the
 * template needs String serializers (Spring Boot's default). The message id goes out in the
 * {@link OutboxMessage#ID_HEADER} header.
 */
class KafkaOutboxPublisher implements OutboxPublisher {

	private final KafkaTemplate<Object, Object> template;

	private final @Nullable String defaultTopic;

	private final Duration sendTimeout;

	@SuppressWarnings("unchecked")
	KafkaOutboxPublisher(KafkaTemplate<?, ?> template, OutboxProperties.Kafka settings) {
		this.template = (KafkaTemplate<Object, Object>) template;
		this.defaultTopic = settings.defaultTopic();
		this.sendTimeout = settings.sendTimeout();
	}

	// a batch takes milliseconds: the poller may hold it locked instead of leased
	@Override
	public boolean publishesQuickly() {
		return true;
	}

	@Override
	public List<PublishFailure> publish(List<OutboxMessage> batch) {
		List<PublishFailure> failures = new ArrayList<>();
		List<@Nullable CompletableFuture<?>> sends = new ArrayList<>(batch.size());
		for (OutboxMessage message : batch) {
			String topic = (message.destination() != null) ? message.destination() : this.defaultTopic;
			if (topic == null) {
				failures.add(new PublishFailure(message, "The message has no destination and "
						+ "ddd.persistence.outbox.kafka.default-topic is not set"));
				sends.add(null);
				continue;
			}
			sends.add(this.template.send(toRecord(topic, message)));
		}
		long deadline = System.nanoTime() + this.sendTimeout.toNanos();
		for (int i = 0; i < batch.size(); i++) {
			CompletableFuture<?> send = sends.get(i);
			if (send != null) {
				String problem = awaitSend(send, deadline);
				if (problem != null) {
					failures.add(new PublishFailure(batch.get(i), problem));
				}
			}
		}
		return failures;
	}

	private @Nullable String awaitSend(CompletableFuture<?> send, long deadline) {
		try {
			send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return null;
		}
		catch (TimeoutException ex) {
			return "Kafka did not acknowledge the message within " + this.sendTimeout;
		}
		catch (ExecutionException ex) {
			return "Kafka send failed: " + ex.getCause();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted while waiting for Kafka's acknowledgement";
		}
	}

	private static ProducerRecord<Object, Object> toRecord(String topic, OutboxMessage message) {
		ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, message.key(), message.payload());
		message.headers().forEach((name, value) -> record.headers().add(header(name, value)));
		record.headers().add(header(OutboxMessage.ID_HEADER, message.id().toString()));
		record.headers().add(header(OutboxMessage.EVENT_TYPE_HEADER, message.eventType()));
		return record;
	}

	private static RecordHeader header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
