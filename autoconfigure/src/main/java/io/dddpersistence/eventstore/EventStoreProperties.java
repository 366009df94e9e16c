package io.dddpersistence.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.migration.SchemaOrder;
import io.dddpersistence.wakeup.WakeUpChannel;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Configuration of the event store, its aggregates' snapshots and its projections' catch-up
 * subscriptions: the one place where each setting, its default and its rule are written. The
 * runtime classes take these records as they are. A bad value fails at start-up with a message
 * that names the property as it is written in {@code application.yml}.
 *
 * @param enabled Whether to set up the event store and its beans.
 * @param unknownEventTypes What to do when reading an event whose type name has no registered class: fail or skip.
 * @param eventPackages Packages scanned for @EventType classes, besides the application's own packages.
 * @param snapshotEvery Snapshot a snapshottable aggregate each time its version crosses a multiple of this; 0 turns snapshots off.
 * @param schema The library's tables.
 * @param subscriptions Catch-up subscriptions of the Projection beans.
 * @param outbox Externalizing appended events through the transactional outbox.
 * @param wakeUps Waking the catch-up subscriptions when an append commits.
 */
@ConfigurationProperties(EventStoreProperties.PREFIX)
public record EventStoreProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("fail") EventSerializer.UnknownTypes unknownEventTypes, @DefaultValue List<String> eventPackages,
		@DefaultValue("100") int snapshotEvery, @DefaultValue Schema schema, @DefaultValue Subscriptions subscriptions,
		@DefaultValue Outbox outbox, @DefaultValue WakeUps wakeUps) {

	static final String PREFIX = "ddd.persistence.event-store";

	/** Every setting at its default, bound from no source at all, so the defaults are written once. */
	public static final EventStoreProperties DEFAULTS = defaults();

	public EventStoreProperties {
		eventPackages = List.copyOf(eventPackages);
		if (snapshotEvery < 0) {
			throw new IllegalArgumentException(
					PREFIX + ".snapshot-every must be 0 (no snapshots) or more, not " + snapshotEvery);
		}
	}

	private static EventStoreProperties defaults() {
		Binder none = new Binder(new MapConfigurationPropertySource(Map.of()));
		return none.bindOrCreate(PREFIX, Bindable.of(EventStoreProperties.class));
	}

	/**
	 * The library's tables.
	 *
	 * @param migrate Whether to create and upgrade the event store's tables with the library's Flyway scripts on start-up.
	 * @param order When the library's scripts run against the application's own Flyway or Liquibase migrations: after-application (the default) or before-application (which needs spring.flyway.baseline-on-migrate=true and spring.flyway.baseline-version=0).
	 * @param name The database schema of the event store's tables (created if missing); unset: the schema the application's Flyway migrates into (spring.flyway.default-schema, else the first of spring.flyway.schemas), else the connection's default.
	 * @param tablePrefix The prefix of the names of the event store's tables, their indexes, constraints and history table (ddd_ by default); empty or a plain SQL identifier.
	 */
	public record Schema(@DefaultValue("true") boolean migrate,
			@DefaultValue("after-application") SchemaOrder order, @Nullable String name,
			@DefaultValue(LibraryTables.DEFAULT_PREFIX) String tablePrefix) {

		public Schema {
			tables(name, tablePrefix);
		}

		/** Where the tables are, as configured (without following the application's Flyway). */
		public LibraryTables tables() {
			return tables(this.name, this.tablePrefix);
		}

		private static LibraryTables tables(@Nullable String name, String tablePrefix) {
			return LibraryTables.of(name, tablePrefix, PREFIX + ".schema");
		}

	}

	/**
	 * Catch-up subscriptions of the Projection beans: how they poll, hold their lease and retry.
	 *
	 * @param enabled Whether to run a catch-up subscription for each Projection bean.
	 * @param batchSize Events read, handled and checkpointed per transaction.
	 * @param pollInterval Longest pause between reads once a subscription has caught up: the safety net for a missed wake-up (a committed append wakes the subscriptions at once).
	 * @param leaseDuration How long an instance holds a subscription without renewing; another takes over that long after it died.
	 * @param maxAttempts Attempts at an event before it is parked in ddd_event_parked and skipped.
	 * @param initialBackoff Pause after a first failure, doubled for each further one.
	 * @param maxBackoff Longest pause between attempts.
	 * @param owner Name of this instance in the subscriptions' leases; the host name and a random suffix when unset.
	 */
	public record Subscriptions(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
			@DefaultValue("5s") Duration pollInterval, @DefaultValue("30s") Duration leaseDuration,
			@DefaultValue("5") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
			@DefaultValue("30s") Duration maxBackoff, @Nullable String owner) {

		private static final String PREFIX = EventStoreProperties.PREFIX + ".subscriptions";

		public Subscriptions {
			if (batchSize < 1) {
				throw new IllegalArgumentException(PREFIX + ".batch-size must be 1 or more, not " + batchSize);
			}
			if (pollInterval.isNegative() || pollInterval.isZero()) {
				throw new IllegalArgumentException(PREFIX + ".poll-interval must be positive, not " + pollInterval);
			}
			if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
				throw new IllegalArgumentException(PREFIX + ".lease-duration must be at least 1s, not " + leaseDuration);
			}
			if (maxAttempts < 1) {
				throw new IllegalArgumentException(PREFIX + ".max-attempts must be 1 or more, not " + maxAttempts);
			}
			if (initialBackoff.isNegative()) {
				throw new IllegalArgumentException(PREFIX + ".initial-backoff must not be negative, not " + initialBackoff);
			}
			if (maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException(PREFIX + ".max-backoff (" + maxBackoff
						+ ") must not be shorter than initial-backoff (" + initialBackoff + ")");
			}
			if (owner != null && owner.isBlank()) {
				owner = null;
			}
		}

		/** These settings with another batch size and poll interval, as tests and tools need them. */
		public Subscriptions withPolling(int batchSize, Duration pollInterval) {
			return new Subscriptions(this.enabled, batchSize, pollInterval, this.leaseDuration, this.maxAttempts,
					this.initialBackoff, this.maxBackoff, this.owner);
		}

		/** These settings with another lease duration. */
		public Subscriptions withLease(Duration leaseDuration) {
			return new Subscriptions(this.enabled, this.batchSize, this.pollInterval, leaseDuration, this.maxAttempts,
					this.initialBackoff, this.maxBackoff, this.owner);
		}

		/** These settings with other retry rules. */
		public Subscriptions withRetries(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
			return new Subscriptions(this.enabled, this.batchSize, this.pollInterval, this.leaseDuration, maxAttempts,
					initialBackoff, maxBackoff, this.owner);
		}

	}

	/**
	 * Externalizing appended events through the transactional outbox.
	 *
	 * @param enabled Whether appended events are written to the outbox in the append's transaction.
	 * @param destination Exchange or topic of the outbox messages; the publisher's default when empty.
	 * @param eventTypes Event type names to externalize; every appended event when empty.
	 */
	public record Outbox(@DefaultValue("false") boolean enabled, @DefaultValue("") String destination,
			@DefaultValue List<String> eventTypes) {

		public Outbox {
			eventTypes = List.copyOf(eventTypes);
		}

	}

	/**
	 * Waking the catch-up subscriptions when an append commits, instead of at their next poll: in
	 * this instance right after the commit, in the other instances on PostgreSQL through
	 * {@code LISTEN}/{@code NOTIFY}.
	 *
	 * @param enabled Whether a committed append wakes the catch-up subscriptions at once; without, they read new events at their poll interval.
	 * @param notifyChannel PostgreSQL NOTIFY channel on which the instances wake each other's subscriptions; a lower-case SQL identifier.
	 */
	public record WakeUps(@DefaultValue("true") boolean enabled,
			@DefaultValue("ddd_event_store") String notifyChannel) {

		public WakeUps {
			if (!WakeUpChannel.NAME.matcher(notifyChannel).matches()) {
				throw new IllegalArgumentException(PREFIX + ".wake-ups.notify-channel must be a lower-case SQL "
						+ "identifier (a-z, 0-9, _, at most 63 characters, not starting with a digit), not '"
						+ notifyChannel + "'");
			}
		}

		/** The channel these settings describe. */
		public WakeUpChannel channel() {
			return this.enabled ? WakeUpChannel.named(this.notifyChannel) : WakeUpChannel.disabled(this.notifyChannel);
		}

	}

}
