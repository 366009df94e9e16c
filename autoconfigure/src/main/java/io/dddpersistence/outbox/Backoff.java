package io.dddpersistence.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with a cap and jitter: the jitter spreads the retries of messages (and of
 * pollers) that failed together, so that a recovering broker is not hit by all of them at once.
 *
 * @param initial the delay after the first failure
 * @param multiplier the factor applied per further failure
 * @param max the cap
 * @param jitter the fraction of the delay drawn at random (0 = none, 1 = anywhere from 0 to the delay)
 */
record Backoff(Duration initial, double multiplier, Duration max, double jitter) {

	Backoff(OutboxProperties.Backoff settings) {
		this(settings.initial(), settings.multiplier(), settings.max(), settings.jitter());
	}

	/** The delay before the next attempt after {@code failures} consecutive failures (1 or more). */
	long delayMillis(int failures) {
		double exponential = this.initial.toMillis() * Math.pow(this.multiplier, Math.max(0, failures - 1));
		double capped = Math.min(exponential, this.max.toMillis());
		double jittered = capped * (1 - this.jitter * ThreadLocalRandom.current().nextDouble());
		return Math.max(0, Math.round(jittered));
	}

}
