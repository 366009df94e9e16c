package io.dddpersistence.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dddpersistence.eventstore.EventSerializer;
import io.dddpersistence.eventstore.SubscriptionSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the event store, its aggregates' snapshots and its projections' catch-up
 * subscriptions. Bad values fail at start-up, naming the property.
 */
@ConfigurationProperties("ddd.persistence.event-store")
public class EventStoreProperties {

	/** Whether to set up the event store and its beans. */
	private boolean enabled = true;

	/** What to do when reading an event whose type name has no registered class: fail or skip. */
	private EventSerializer.UnknownTypes unknownEventTypes = EventSerializer.UnknownTypes.FAIL;

	/** Packages scanned for @EventType classes, besides the application's own packages. */
	private List<String> eventPackages = new ArrayList<>();

	/** Snapshot a snapshottable aggregate each time its version crosses a multiple of this; 0 turns snapshots off. */
	private int snapshotEvery = 100;

	private final Schema schema = new Schema();

	private final Subscriptions subscriptions = new Subscriptions();

	private final Outbox outbox = new Outbox();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public EventSerializer.UnknownTypes getUnknownEventTypes() {
		return this.unknownEventTypes;
	}

	public void setUnknownEventTypes(EventSerializer.UnknownTypes unknownEventTypes) {
		this.unknownEventTypes = unknownEventTypes;
	}

	public List<String> getEventPackages() {
		return this.eventPackages;
	}

	public void setEventPackages(List<String> eventPackages) {
		this.eventPackages = eventPackages;
	}

	public int getSnapshotEvery() {
		return this.snapshotEvery;
	}

	public void setSnapshotEvery(int snapshotEvery) {
		if (snapshotEvery < 0) {
			throw new IllegalArgumentException(
						"ddd.persistence.event-store.snapshot-every must be 0 (no snapshots) or more, not " + snapshotEvery);
		}
		this.snapshotEvery = snapshotEvery;
	}

	public Schema getSchema() {
		return this.schema;
	}

	public Subscriptions getSubscriptions() {
		return this.subscriptions;
	}

	public Outbox getOutbox() {
		return this.outbox;
	}

	/** Externalizing appended events through the transactional outbox. */
	public static class Outbox {

		/** Whether appended events are written to the outbox in the append's transaction. */
		private boolean enabled = false;

		/** Exchange or topic of the outbox messages; the publisher's default when empty. */
		private String destination = "";

		/** Event type names to externalize; every appended event when empty. */
		private List<String> eventTypes = new ArrayList<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getDestination() {
			return this.destination;
		}

		public void setDestination(String destination) {
			this.destination = destination;
		}

		public List<String> getEventTypes() {
			return this.eventTypes;
		}

		public void setEventTypes(List<String> eventTypes) {
			this.eventTypes = eventTypes;
		}

	}

	/** The library's tables. */
	public static class Schema {

		/** Whether to create and upgrade the event store's tables with the library's Flyway scripts on start-up. */
		private boolean migrate = true;

		public boolean isMigrate() {
			return this.migrate;
		}

		public void setMigrate(boolean migrate) {
			this.migrate = migrate;
		}

	}

	/** Catch-up subscriptions of the Projection beans. */
	public static class Subscriptions {

		/** Whether to run a catch-up subscription for each Projection bean. */
		private boolean enabled = true;

		/** Events read, handled and checkpointed per transaction. */
		private int batchSize = 500;

		/** Pause between reads when a subscription has caught up. */
		private Duration pollInterval = Duration.ofMillis(200);

		/** How long an instance holds a subscription without renewing; another takes over that long after it died. */
		private Duration leaseDuration = Duration.ofSeconds(30);

		/** Attempts at an event before it is parked in ddd_event_parked and skipped. */
		private int maxAttempts = 5;

		/** Pause after a first failure, doubled for each further one. */
		private Duration initialBackoff = Duration.ofMillis(200);

		/** Longest pause between attempts. */
		private Duration maxBackoff = Duration.ofSeconds(30);

		/** Name of this instance in the subscriptions' leases; the host name and a random suffix when unset. */
		private @Nullable String owner;

		public int getBatchSize() {
			return this.batchSize;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public void setBatchSize(int batchSize) {
			if (batchSize < 1) {
				throw new IllegalArgumentException(
						"ddd.persistence.event-store.subscriptions.batch-size must be 1 or more, not " + batchSize);
			}
			this.batchSize = batchSize;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			if (pollInterval.isNegative() || pollInterval.isZero()) {
				throw new IllegalArgumentException(
						"ddd.persistence.event-store.subscriptions.poll-interval must be positive, not " + pollInterval);
			}
			this.pollInterval = pollInterval;
		}

		public Duration getLeaseDuration() {
			return this.leaseDuration;
		}

		public void setLeaseDuration(Duration leaseDuration) {
			if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
				throw new IllegalArgumentException(
						"ddd.persistence.event-store.subscriptions.lease-duration must be at least 1s, not " + leaseDuration);
			}
			this.leaseDuration = leaseDuration;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException(
						"ddd.persistence.event-store.subscriptions.max-attempts must be 1 or more, not " + maxAttempts);
			}
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			if (initialBackoff.isNegative()) {
				throw new IllegalArgumentException(
						"ddd.persistence.event-store.subscriptions.initial-backoff must not be negative, not " + initialBackoff);
			}
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			if (maxBackoff.isNegative()) {
				throw new IllegalArgumentException(
						"ddd.persistence.event-store.subscriptions.max-backoff must not be negative, not " + maxBackoff);
			}
			this.maxBackoff = maxBackoff;
		}

		public @Nullable String getOwner() {
			return this.owner;
		}

		public void setOwner(@Nullable String owner) {
			this.owner = owner;
		}

		SubscriptionSettings toSettings() {
			if (this.maxBackoff.compareTo(this.initialBackoff) < 0) {
				throw new IllegalStateException("ddd.persistence.event-store.subscriptions.max-backoff ("
						+ this.maxBackoff + ") must not be shorter than initial-backoff (" + this.initialBackoff + ")");
			}
			return new SubscriptionSettings(this.batchSize, this.pollInterval, this.leaseDuration, this.maxAttempts,
					this.initialBackoff, this.maxBackoff);
		}

	}

}
