package io.dddpersistence.outbox;

import java.util.List;

/**
 * Sends claimed outbox messages to where they go: application events, a RabbitMQ exchange, a Kafka
 * topic. {@link OutboxPoller} calls it with one batch at a time, so that an implementation can send
 * the whole batch and then wait for all confirmations together: outside any database transaction
 * when the batch is leased, inside the transaction that holds the batch locked when it is locked
 * (see {@link #publishesQuickly()}); either way the publisher must not write to the outbox's rows.
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
	 * Whether a batch is published within milliseconds (an in-process call, a broker confirm), so
	 * that with {@code ddd.persistence.outbox.claim=auto} the poller holds the batch with the row
	 * locks of a transaction kept open over this call instead of writing a lease: one write per
	 * message instead of two. Answer {@code false} (the default) for a publisher that may take
	 * seconds, such as a remote HTTP call: an open transaction that long holds a connection and keeps
	 * PostgreSQL's vacuum from cleaning up behind it.
	 * @return whether publishing a batch takes milliseconds
	 */
	default boolean publishesQuickly() {
		return false;
	}

	/**
	 * One message that could not be published.
	 * @param message the message
	 * @param reason why, kept as the message's last error
	 */
	record PublishFailure(OutboxMessage message, String reason) {
	}

}
