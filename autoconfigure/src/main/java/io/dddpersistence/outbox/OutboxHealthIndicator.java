package io.dddpersistence.outbox;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the outbox backlog, and goes DOWN when it passes a threshold: too many pending messages,
 * a pending message waiting too long (the relay is stuck or too slow), or too many dead ones. An
 * unset threshold is not checked. With the cdc relay the pending rows are not a backlog (the
 * connector reads the log, and the rows wait only for retention), so only the dead threshold is
 * checked there; the connector's own metrics tell its lag.
 */
class OutboxHealthIndicator extends AbstractHealthIndicator {

	private final OutboxAdmin admin;

	private final @Nullable Long maxPending;

	private final @Nullable Duration maxOldestPendingAge;

	private final @Nullable Long maxDead;

	private final OutboxProperties.Relay relay;

	OutboxHealthIndicator(OutboxAdmin admin, OutboxProperties.Health thresholds, OutboxProperties.Relay relay) {
		super("Outbox health check failed");
		this.admin = admin;
		boolean pendingIsBacklog = relay == OutboxProperties.Relay.POLLER;
		this.maxPending = pendingIsBacklog ? thresholds.maxPending() : null;
		this.maxOldestPendingAge = pendingIsBacklog ? thresholds.maxOldestPendingAge() : null;
		this.maxDead = thresholds.maxDead();
		this.relay = relay;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		OutboxBacklog backlog = this.admin.backlog();
		boolean down = (this.maxPending != null && backlog.pending() > this.maxPending)
				|| (this.maxOldestPendingAge != null && backlog.oldestPendingAge().compareTo(this.maxOldestPendingAge) > 0)
				|| (this.maxDead != null && backlog.dead() > this.maxDead);
		(down ? builder.down() : builder.up()).withDetail("relay", this.relay.name().toLowerCase(Locale.ROOT))
			.withDetail("pending", backlog.pending())
			.withDetail("oldestPendingAge", backlog.oldestPendingAge().toString())
			.withDetail("dead", backlog.dead());
	}

}
