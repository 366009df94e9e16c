package io.dddpersistence.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports each projection's checkpoint and lag; DOWN when a subscription's worker crashed or it
 * has failed as many times in a row as it attempts an event (it is stuck or the database is away).
 */
class ProjectionsHealthIndicator extends AbstractHealthIndicator {

	private final Projections projections;

	ProjectionsHealthIndicator(Projections projections) {
		super("Projections health check failed");
		this.projections = projections;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean healthy = true;
		for (CatchUpSubscription subscription : this.projections.subscriptions()) {
			SubscriptionStatus status = subscription.status();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("active", status.active());
			details.put("checkpoint", status.checkpoint().toString());
			details.put("eventsBehind", status.eventsBehind());
			details.put("secondsBehind", status.secondsBehind());
			details.put("eventsParked", status.eventsParked());
			if (status.lastError() != null) {
				details.put("lastError", status.lastError());
			}
			if (status.crashed() || status.consecutiveFailures() >= subscription.maxAttempts()) {
				healthy = false;
			}
			builder.withDetail(status.name(), details);
		}
		if (healthy) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

}
