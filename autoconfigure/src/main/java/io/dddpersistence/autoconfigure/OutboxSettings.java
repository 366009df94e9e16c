package io.dddpersistence.autoconfigure;

import io.dddpersistence.outbox.OutboxPoller;

/** Turns the bound properties into the poller's settings. */
final class OutboxSettings {

	private OutboxSettings() {
	}

	static OutboxPoller.Settings poller(OutboxProperties properties) {
		OutboxProperties.Backoff backoff = properties.getBackoff();
		String pollerId = properties.getPollerId();
		return new OutboxPoller.Settings((pollerId != null && !pollerId.isBlank()) ? pollerId : OutboxPoller.newPollerId(),
				properties.getBatchSize(), properties.getPollInterval(), properties.getLease(),
				properties.getMaxAttempts(), backoff.getInitial(), backoff.getMultiplier(), backoff.getMax(),
				backoff.getJitter(), properties.isOrderedByKey(), properties.getShutdownTimeout());
	}

}
