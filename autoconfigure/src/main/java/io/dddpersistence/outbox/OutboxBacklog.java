package io.dddpersistence.outbox;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What is waiting in the outbox at one moment.
 *
 * @param pending messages not yet published (waiting, claimed or waiting for a retry)
 * @param oldestPendingCreatedAt when the oldest of them was written, {@code null} when none is pending
 * @param dead messages that failed too often and wait for a resubmission
 * @param measuredAt the database time of the measurement
 */
public record OutboxBacklog(long pending, @Nullable Instant oldestPendingCreatedAt, long dead, Instant measuredAt) {

	/** How long the oldest pending message has been waiting; zero when none is pending. */
	public Duration oldestPendingAge() {
		if (this.oldestPendingCreatedAt == null || this.oldestPendingCreatedAt.isAfter(this.measuredAt)) {
			return Duration.ZERO;
		}
		return Duration.between(this.oldestPendingCreatedAt, this.measuredAt);
	}

}
