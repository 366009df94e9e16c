package io.dddpersistence.eventstore;

import java.time.Duration;

/**
 * How catch-up subscriptions poll, hold their lease and retry.
 *
 * @param batchSize events read and handled per transaction
 * @param pollInterval the pause when caught up, before reading again
 * @param leaseDuration how long an instance holds a subscription without renewing it; another
 * instance takes over that long after the holder died
 * @param maxAttempts attempts at an event before it is parked and skipped
 * @param initialBackoff the pause after the first failure, doubled per further failure
 * @param maxBackoff the longest pause between attempts
 */
public record SubscriptionSettings(int batchSize, Duration pollInterval, Duration leaseDuration, int maxAttempts,
		Duration initialBackoff, Duration maxBackoff) {

	public static final SubscriptionSettings DEFAULTS = new SubscriptionSettings(500, Duration.ofMillis(200),
			Duration.ofSeconds(30), 5, Duration.ofMillis(200), Duration.ofSeconds(30));

	public SubscriptionSettings {
		if (batchSize < 1) {
			throw new IllegalArgumentException("The batch size must be 1 or more, not " + batchSize);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("The attempts per event must be 1 or more, not " + maxAttempts);
		}
		if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("The lease must last at least a second, not " + leaseDuration);
		}
		if (pollInterval.isNegative() || pollInterval.isZero() || initialBackoff.isNegative()
				|| maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("The poll interval must be positive and the back-off must grow from "
					+ initialBackoff + " to at most " + maxBackoff);
		}
	}

}
