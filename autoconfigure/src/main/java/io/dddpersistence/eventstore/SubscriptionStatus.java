package io.dddpersistence.eventstore;

import org.jspecify.annotations.Nullable;

/**
 * Where a subscription stands, for health and metrics.
 *
 * @param name the subscription's name
 * @param active whether this instance holds the lease and processes events
 * @param checkpoint the last position handled, as stored
 * @param eventsBehind events committed after the checkpoint (counted up to a cap)
 * @param secondsBehind how long ago the oldest unhandled event happened, 0 when caught up
 * @param eventsHandled events this instance handled since start
 * @param eventsParked events this instance parked since start
 * @param consecutiveFailures failed attempts at the current batch, 0 when healthy
 * @param lastError the last failure's message, when failing
 * @param crashed whether the worker thread ended unexpectedly
 */
public record SubscriptionStatus(String name, boolean active, GlobalPosition checkpoint, long eventsBehind,
		double secondsBehind, long eventsHandled, long eventsParked, int consecutiveFailures,
		@Nullable String lastError, boolean crashed) {
}
