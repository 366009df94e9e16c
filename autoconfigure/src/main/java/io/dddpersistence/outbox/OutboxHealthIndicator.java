package io.dddpersistence.outbox;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the outbox backlog, and goes DOWN when it passes a threshold: too many pending messages,
 * a pending message waiting too long (the relay is stuck or too slow), or too many dead ones. An
 * unset threshold is not checked.
 */
class OutboxHealthIndicator extends AbstractHealthIndicator {

	private final OutboxAdmin admin;

	private final @Nullable Long maxPending;

	private final @Nullable Duration maxOldestPendingAge;

	private final @Nullable Long maxDead;

	OutboxHealthIndicator(OutboxAdmin admin, OutboxProperties.Health thresholds) {
		super("Outbox health check failed");
		this.admin = admin;
		this.maxPending = thresholds.maxPending();
		this.maxOldestPendingAge = thresholds.maxOldestPendingAge();
		this.maxDead = thresholds.maxDead();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		OutboxBacklog backlog = this.admin.backlog();
		boolean down = (this.maxPending != null && backlog.pending() > this.maxPending)
				|| (this.maxOldestPendingAge != null && backlog.oldestPendingAge().compareTo(this.maxOldestPendingAge) > 0)
				|| (this.maxDead != null && backlog.dead() > this.maxDead);
		(down ? builder.down() : builder.up()).withDetail("pending", backlog.pending())
			.withDetail("oldestPendingAge", backlog.oldestPendingAge().toString())
			.withDetail("dead", backlog.dead());
	}

}
