package io.dddpersistence.outbox;

import java.util.List;

/**
 * Sends claimed outbox messages to where they go: application events, a RabbitMQ exchange, a Kafka
 * topic. {@link OutboxPoller} calls it outside any database transaction with one batch at a time,
 * so that an implementation can send the whole batch and then wait for all confirmations together.
 * <p>
 * A message counts as published only when it is absent from the returned failures and the method
 * returned normally; an exception fails the whole batch and makes the poller back off, as during a
 * broker outage. Consumers must tolerate duplicates: a message whose poller died after sending is
 * sent again by another (see {@link OutboxMessage#ID_HEADER}).
 */
@FunctionalInterface
public interface OutboxPublisher {

	/**
	 * Publishes the batch, in the given order where the broker keeps order.
	 * @param batch the claimed messages, oldest first
	 * @return the messages that could not be published, each with the reason; empty when all were
	 */
	List<PublishFailure> publish(List<OutboxMessage> batch);

	/**
	 * One message that could not be published.
	 * @param message the message
	 * @param reason why, kept as the message's last error
	 */
	record PublishFailure(OutboxMessage message, String reason) {
	}

}
