package io.dddpersistence.outbox;

import java.time.Duration;
import java.util.List;

/**
 * Told by {@link OutboxPoller} what happened to each batch; metrics implement it. Calls come from
 * the poller threads and must return quickly.
 */
public interface OutboxObserver {

	/** An observer that ignores everything. */
	OutboxObserver NONE = new OutboxObserver() {
	};

	/** A message was published, {@code latency} after the business transaction wrote it. */
	default void published(OutboxMessage message, Duration latency) {
	}

	/** Publication attempts failed for {@code count} messages; they will be retried. */
	default void failed(int count) {
	}

	/** {@code count} messages reached the maximum number of attempts and went dead. */
	default void dead(int count) {
	}

	/**
	 * Publication attempts failed for these messages; they will be retried. By default, tells
	 * {@link #failed(int)} how many.
	 */
	default void failed(List<OutboxMessage> messages) {
		failed(messages.size());
	}

	/**
	 * These messages reached the maximum number of attempts and went dead. By default, tells
	 * {@link #dead(int)} how many.
	 */
	default void dead(List<OutboxMessage> messages) {
		dead(messages.size());
	}

}
