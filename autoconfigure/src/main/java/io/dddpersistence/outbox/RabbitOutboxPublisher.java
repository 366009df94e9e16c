package io.dddpersistence.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes to RabbitMQ with publisher confirms: the whole batch is sent, then every confirmation
 * is awaited, and a message counts as published only when the broker acknowledged it (and, with
 * publisher returns on, did not return it as unroutable). The exchange is the message's destination
 * (else the configured default), the routing key its key (else its event type); the message id goes
 * out as AMQP {@code message-id} and in the {@link OutboxMessage#ID_HEADER} header.
 */
class RabbitOutboxPublisher implements OutboxPublisher {

	private final RabbitTemplate template;

	private final String defaultExchange;

	private final Duration confirmTimeout;

	RabbitOutboxPublisher(RabbitTemplate template, OutboxProperties.Rabbitmq settings) {
		if (!template.getConnectionFactory().isPublisherConfirms()) {
			throw new IllegalStateException("The RabbitMQ outbox publisher counts a message as published only when "
					+ "the broker confirms it, and the connection factory has no correlated publisher confirms: set "
					+ "spring.rabbitmq.publisher-confirm-type=correlated (and spring.rabbitmq.publisher-returns=true "
					+ "to fail unroutable messages).");
		}
		this.template = template;
		this.defaultExchange = settings.defaultExchange();
		this.confirmTimeout = settings.confirmTimeout();
	}

	// a batch takes milliseconds: the poller may hold it locked instead of leased
	@Override
	public boolean publishesQuickly() {
		return true;
	}

	@Override
	public List<PublishFailure> publish(List<OutboxMessage> batch) {
		List<CorrelationData> confirmations = new ArrayList<>(batch.size());
		for (OutboxMessage message : batch) {
			CorrelationData correlation = new CorrelationData(message.id().toString());
			String exchange = (message.destination() != null) ? message.destination() : this.defaultExchange;
			String routingKey = (message.key() != null) ? message.key() : message.eventType();
			this.template.send(exchange, routingKey, toAmqp(message), correlation);
			confirmations.add(correlation);
		}
		long deadline = System.nanoTime() + this.confirmTimeout.toNanos();
		List<PublishFailure> failures = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			String problem = awaitConfirmation(confirmations.get(i), deadline);
			if (problem != null) {
				failures.add(new PublishFailure(batch.get(i), problem));
			}
		}
		return failures;
	}

	private @Nullable String awaitConfirmation(CorrelationData correlation, long deadline) {
		try {
			CorrelationData.Confirm confirm = correlation.getFuture()
				.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (!confirm.ack()) {
				return "RabbitMQ did not confirm the message: " + confirm.reason();
			}
			ReturnedMessage returned = correlation.getReturned();
			if (returned != null) {
				return "RabbitMQ returned the message as unroutable: " + returned.getReplyCode() + " "
						+ returned.getReplyText() + " (exchange '" + returned.getExchange() + "', routing key '"
						+ returned.getRoutingKey() + "')";
			}
			return null;
		}
		catch (TimeoutException ex) {
			return "RabbitMQ did not confirm the message within " + this.confirmTimeout;
		}
		catch (ExecutionException ex) {
			return "RabbitMQ confirmation failed: " + ex.getCause();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted while waiting for RabbitMQ's confirmation";
		}
	}

	private static Message toAmqp(OutboxMessage message) {
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(message.id().toString());
		properties.setType(message.eventType());
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setContentEncoding(StandardCharsets.UTF_8.name());
		message.headers().forEach(properties::setHeader);
		properties.setHeader(OutboxMessage.ID_HEADER, message.id().toString());
		properties.setHeader(OutboxMessage.EVENT_TYPE_HEADER, message.eventType());
		return new Message(message.payload().getBytes(StandardCharsets.UTF_8), properties);
	}

}
