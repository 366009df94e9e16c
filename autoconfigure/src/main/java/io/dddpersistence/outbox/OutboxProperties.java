package io.dddpersistence.outbox;

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
 * Configuration of the transactional outbox: the one place where each setting, its default and its
 * rule are written. {@link OutboxPoller}, the publishers, retention, metrics and health take these
 * records as they are. A bad value fails at start-up with a message that names the property as it is
 * written in {@code application.yml}.
 *
 * @param enabled Whether the outbox (writer, capture, poller) is configured at all.
 * @param publisher Where the poller sends messages: in-process (Spring application events), rabbitmq or kafka.
 * @param relay What moves messages from the table to the broker: the library's poller, or a change data capture engine (Debezium's outbox event router) reading the database's log, in which case no poller runs and retention deletes rows by age.
 * @param captureDomainEvents Whether domain events whose type is annotated @Externalized are written to the outbox when their aggregate is saved.
 * @param pollerEnabled Whether this instance runs a poller; turn it off in instances that only write.
 * @param pollerId The id this instance's poller writes into claimed_by; generated from the process id when not set.
 * @param instances How many application instances run a poller on this database; PostgreSQL takes any number, H2 only 1.
 * @param batchSize How many messages a poller claims and publishes at once.
 * @param pollInterval Longest pause between polls once a poll found nothing due: the safety net for a missed wake-up (a committed message wakes the poller at once, and while messages keep coming it polls again at once).
 * @param lease How long a claim holds; a poller that has not published its batch by then loses it to another.
 * @param claim How a poller holds the batch it publishes: lease (written to the rows, for slow publishers), lock (row locks of a transaction kept open over the publish, one write per message, for publishers that take milliseconds), or auto (lock for the library's publishers, lease for others; H2 always leases).
 * @param maxAttempts Failed publication attempts after which a message is dead (status FAILED).
 * @param orderedByKey Whether messages with the same key are published strictly in the order they were written.
 * @param shutdownTimeout How long shutdown waits for the batch in flight before giving it back.
 * @param adminBatchSize Page and batch size of the dead message operations and of retention.
 * @param backoff Retries of failed messages.
 * @param retention Purging of published messages (with relay=cdc, of every message by age).
 * @param schema The outbox table.
 * @param health Thresholds of the Actuator health indicator; an unset threshold is not checked.
 * @param metrics Micrometer meters.
 * @param rabbitmq The RabbitMQ publisher.
 * @param kafka The Kafka publisher.
 * @param wakeUps Waking the pollers when a transaction that wrote messages commits.
 */
@ConfigurationProperties(OutboxProperties.PREFIX)
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("in-process") String publisher,
		@DefaultValue("poller") Relay relay,
		@DefaultValue("true") boolean captureDomainEvents, @DefaultValue("true") boolean pollerEnabled,
		@Nullable String pollerId, @DefaultValue("1") int instances, @DefaultValue("500") int batchSize,
		@DefaultValue("5s") Duration pollInterval, @DefaultValue("60s") Duration lease,
		@DefaultValue("auto") Claim claim,
		@DefaultValue("10") int maxAttempts, @DefaultValue("false") boolean orderedByKey,
		@DefaultValue("30s") Duration shutdownTimeout, @DefaultValue("1000") int adminBatchSize,
		@DefaultValue Backoff backoff, @DefaultValue Retention retention, @DefaultValue Schema schema,
		@DefaultValue Health health, @DefaultValue Metrics metrics, @DefaultValue Rabbitmq rabbitmq,
		@DefaultValue Kafka kafka, @DefaultValue WakeUps wakeUps) {

	static final String PREFIX = "ddd.persistence.outbox";

	/** The publisher names {@link #publisher()} accepts. */
	public static final List<String> PUBLISHERS = List.of("in-process", "rabbitmq", "kafka");

	/**
	 * Every setting at its default, bound from no source at all, so the defaults are written once. Its
	 * {@link #pollerId()} is unset: each poller built from it generates its own.
	 */
	public static final OutboxProperties DEFAULTS = defaults();

	public OutboxProperties {
		if (!PUBLISHERS.contains(publisher)) {
			throw new IllegalArgumentException(
					PREFIX + ".publisher must be one of " + PUBLISHERS + " but was '" + publisher + "'");
		}
		if (pollerId != null && pollerId.isBlank()) {
			pollerId = null;
		}
		positive("instances", instances);
		positive("batch-size", batchSize);
		positive("poll-interval", pollInterval);
		positive("lease", lease);
		positive("max-attempts", maxAttempts);
		positive("shutdown-timeout", shutdownTimeout);
		positive("admin-batch-size", adminBatchSize);
	}

	private static OutboxProperties defaults() {
		Binder none = new Binder(new MapConfigurationPropertySource(Map.of()));
		return none.bindOrCreate(PREFIX, Bindable.of(OutboxProperties.class));
	}

	/** These settings with another poller id, as tests and tools that run several pollers need them. */
	public OutboxProperties withPollerId(@Nullable String pollerId) {
		return new OutboxProperties(this.enabled, this.publisher, this.relay,
				this.captureDomainEvents, this.pollerEnabled,
				pollerId, this.instances, this.batchSize, this.pollInterval, this.lease, this.claim, this.maxAttempts,
				this.orderedByKey, this.shutdownTimeout, this.adminBatchSize, this.backoff, this.retention, this.schema,
				this.health, this.metrics, this.rabbitmq, this.kafka, this.wakeUps);
	}

	/** These settings with another batch size. */
	public OutboxProperties withBatchSize(int batchSize) {
		return new OutboxProperties(this.enabled, this.publisher, this.relay,
				this.captureDomainEvents, this.pollerEnabled,
				this.pollerId, this.instances, batchSize, this.pollInterval, this.lease, this.claim, this.maxAttempts,
				this.orderedByKey, this.shutdownTimeout, this.adminBatchSize, this.backoff, this.retention, this.schema,
				this.health, this.metrics, this.rabbitmq, this.kafka, this.wakeUps);
	}

	/** These settings with another poll interval. */
	public OutboxProperties withPollInterval(Duration pollInterval) {
		return new OutboxProperties(this.enabled, this.publisher, this.relay,
				this.captureDomainEvents, this.pollerEnabled,
				this.pollerId, this.instances, this.batchSize, pollInterval, this.lease, this.claim, this.maxAttempts,
				this.orderedByKey, this.shutdownTimeout, this.adminBatchSize, this.backoff, this.retention, this.schema,
				this.health, this.metrics, this.rabbitmq, this.kafka, this.wakeUps);
	}

	/** These settings with another lease. */
	public OutboxProperties withLease(Duration lease) {
		return new OutboxProperties(this.enabled, this.publisher, this.relay,
				this.captureDomainEvents, this.pollerEnabled,
				this.pollerId, this.instances, this.batchSize, this.pollInterval, lease, this.claim, this.maxAttempts,
				this.orderedByKey, this.shutdownTimeout, this.adminBatchSize, this.backoff, this.retention, this.schema,
				this.health, this.metrics, this.rabbitmq, this.kafka, this.wakeUps);
	}

	/** These settings with other retry rules; the jitter stays. */
	public OutboxProperties withRetries(int maxAttempts, Duration initialBackoff, double backoffMultiplier,
			Duration maxBackoff) {
		return new OutboxProperties(this.enabled, this.publisher, this.relay,
				this.captureDomainEvents, this.pollerEnabled,
				this.pollerId, this.instances, this.batchSize, this.pollInterval, this.lease, this.claim, maxAttempts,
				this.orderedByKey, this.shutdownTimeout, this.adminBatchSize,
				new Backoff(initialBackoff, backoffMultiplier, maxBackoff, this.backoff.jitter()), this.retention,
				this.schema, this.health, this.metrics, this.rabbitmq, this.kafka, this.wakeUps);
	}

	/** These settings with or without per-key ordering. */
	public OutboxProperties withOrderedByKey(boolean orderedByKey) {
		return new OutboxProperties(this.enabled, this.publisher, this.relay,
				this.captureDomainEvents, this.pollerEnabled,
				this.pollerId, this.instances, this.batchSize, this.pollInterval, this.lease, this.claim, this.maxAttempts,
				orderedByKey, this.shutdownTimeout, this.adminBatchSize, this.backoff, this.retention, this.schema,
				this.health, this.metrics, this.rabbitmq, this.kafka, this.wakeUps);
	}

	/** These settings with wake-ups on or off. */
	public OutboxProperties withWakeUps(boolean enabled) {
		return new OutboxProperties(this.enabled, this.publisher, this.relay,
				this.captureDomainEvents, this.pollerEnabled,
				this.pollerId, this.instances, this.batchSize, this.pollInterval, this.lease, this.claim, this.maxAttempts,
				this.orderedByKey, this.shutdownTimeout, this.adminBatchSize, this.backoff, this.retention, this.schema,
				this.health, this.metrics, this.rabbitmq, this.kafka, new WakeUps(enabled, this.wakeUps.notifyChannel()));
	}

	/** These settings with another claim mode. */
	public OutboxProperties withClaim(Claim claim) {
		return new OutboxProperties(this.enabled, this.publisher, this.relay,
				this.captureDomainEvents, this.pollerEnabled,
				this.pollerId, this.instances, this.batchSize, this.pollInterval, this.lease, claim, this.maxAttempts,
				this.orderedByKey, this.shutdownTimeout, this.adminBatchSize, this.backoff, this.retention, this.schema,
				this.health, this.metrics, this.rabbitmq, this.kafka, this.wakeUps);
	}

	/** These settings with other retention rules. */
	public OutboxProperties withRetention(Retention retention) {
		return new OutboxProperties(this.enabled, this.publisher, this.relay,
				this.captureDomainEvents, this.pollerEnabled,
				this.pollerId, this.instances, this.batchSize, this.pollInterval, this.lease, this.claim, this.maxAttempts,
				this.orderedByKey, this.shutdownTimeout, this.adminBatchSize, this.backoff, retention, this.schema,
				this.health, this.metrics, this.rabbitmq, this.kafka, this.wakeUps);
	}

	/** These settings with another shutdown timeout. */
	public OutboxProperties withShutdownTimeout(Duration shutdownTimeout) {
		return new OutboxProperties(this.enabled, this.publisher, this.relay,
				this.captureDomainEvents, this.pollerEnabled,
				this.pollerId, this.instances, this.batchSize, this.pollInterval, this.lease, this.claim, this.maxAttempts,
				this.orderedByKey, shutdownTimeout, this.adminBatchSize, this.backoff, this.retention, this.schema,
				this.health, this.metrics, this.rabbitmq, this.kafka, this.wakeUps);
	}

	/** How a poller holds the batch it is publishing, so that no other poller takes it meanwhile. */
	public enum Claim {

		/**
		 * Lock for the library's own publishers (in-process, RabbitMQ, Kafka: each takes milliseconds
		 * per batch), lease for an application's {@link OutboxPublisher} unless it says
		 * {@link OutboxPublisher#publishesQuickly()}; lease on H2.
		 */
		AUTO,

		/**
		 * The claim writes a lease into the rows and commits; the batch is published with no
		 * transaction open and marked in a second write. A poller that dies loses its batch to another
		 * once the lease expires.
		 */
		LEASE,

		/**
		 * The batch is selected {@code FOR UPDATE SKIP LOCKED} in a transaction that stays open while it
		 * is published and commits with the marks: one write per message. A poller that dies rolls
		 * back and its batch is due again at once. PostgreSQL only.
		 */
		LOCK

	}

	/** What relays the outbox's messages to the broker. */
	public enum Relay {

		/** The library's {@link OutboxPoller}: claims due rows, publishes them, marks them published. */
		POLLER,

		/**
		 * A change data capture engine such as Debezium with its outbox event router, reading inserted
		 * rows from PostgreSQL's write-ahead log. No poller runs; rows stay pending and retention
		 * deletes them by age.
		 */
		CDC

	}

	private static void positive(String property, long value) {
		if (value <= 0) {
			throw invalid(property, "must be positive", value);
		}
	}

	private static void positive(String property, Duration value) {
		if (value.isZero() || value.isNegative()) {
			throw invalid(property, "must be positive", value);
		}
	}

	private static void notNegative(String property, Duration value) {
		if (value.isNegative()) {
			throw invalid(property, "must not be negative", value);
		}
	}

	private static IllegalArgumentException invalid(String property, String rule, Object value) {
		return new IllegalArgumentException(PREFIX + "." + property + " " + rule + " but was " + value);
	}

	/**
	 * Retries of failed messages.
	 *
	 * @param initial Delay before the first retry of a failed message.
	 * @param multiplier Factor applied to the delay for each further failure.
	 * @param max Longest delay between two attempts.
	 * @param jitter Fraction of each delay drawn at random (0 to 1), so that messages failed together do not retry together.
	 */
	public record Backoff(@DefaultValue("1s") Duration initial, @DefaultValue("2") double multiplier,
			@DefaultValue("5m") Duration max, @DefaultValue("0.5") double jitter) {

		public Backoff {
			// zero delays are allowed: a retry at once (a poller outage still waits a poll interval)
			notNegative("backoff.initial", initial);
			notNegative("backoff.max", max);
			if (multiplier < 1) {
				throw invalid("backoff.multiplier", "must be at least 1", multiplier);
			}
			if (jitter < 0 || jitter > 1) {
				throw invalid("backoff.jitter", "must be between 0 and 1", jitter);
			}
		}

	}

	/**
	 * Purging of published messages.
	 *
	 * @param enabled Whether published messages are purged on a schedule.
	 * @param keepPublished How long published messages are kept before they are purged; with relay=cdc, how long any message is kept after it was written (the connector reads the log, not the table).
	 * @param interval How often the purge runs.
	 * @param deleteOnPublish Whether the poller deletes a message's row as it marks it published, instead of keeping it (status PUBLISHED) for keep-published: no published history in the table, and a cheaper relay (a delete writes no new row version and no index entry).
	 */
	public record Retention(@DefaultValue("true") boolean enabled, @DefaultValue("7d") Duration keepPublished,
			@DefaultValue("10m") Duration interval, @DefaultValue("false") boolean deleteOnPublish) {

		public Retention {
			notNegative("retention.keep-published", keepPublished);
			positive("retention.interval", interval);
		}

	}

	/**
	 * The outbox table.
	 *
	 * @param migrate Whether the library creates and upgrades its outbox table with its own Flyway scripts.
	 * @param order When the library's scripts run against the application's own Flyway or Liquibase migrations: after-application (the default) or before-application (which needs spring.flyway.baseline-on-migrate=true and spring.flyway.baseline-version=0).
	 * @param name The database schema of the outbox table (created if missing); unset: the schema the application's Flyway migrates into (spring.flyway.default-schema, else the first of spring.flyway.schemas), else the connection's default.
	 * @param tablePrefix The prefix of the names of the outbox table, their indexes, constraints and history table (ddd_ by default); empty or a plain SQL identifier.
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
	 * Thresholds of the Actuator health indicator; an unset threshold is not checked.
	 *
	 * @param maxPending Pending messages above which the outbox health is DOWN.
	 * @param maxOldestPendingAge Age of the oldest pending message above which the outbox health is DOWN.
	 * @param maxDead Dead messages above which the outbox health is DOWN; not checked when unset.
	 */
	public record Health(@DefaultValue("100000") @Nullable Long maxPending,
			@DefaultValue("15m") @Nullable Duration maxOldestPendingAge, @Nullable Long maxDead) {
	}

	/**
	 * Micrometer meters.
	 *
	 * @param refresh How long the backlog gauges reuse one reading of the table.
	 */
	public record Metrics(@DefaultValue("10s") Duration refresh) {

		public Metrics {
			positive("metrics.refresh", refresh);
		}

	}

	/**
	 * The RabbitMQ publisher.
	 *
	 * @param defaultExchange Exchange for messages without a destination; empty for the default exchange.
	 * @param confirmTimeout How long a batch waits for the broker's publisher confirms before its unconfirmed messages count as failed.
	 */
	public record Rabbitmq(@DefaultValue("") String defaultExchange, @DefaultValue("10s") Duration confirmTimeout) {

		public Rabbitmq {
			positive("rabbitmq.confirm-timeout", confirmTimeout);
		}

	}

	/**
	 * The Kafka publisher.
	 *
	 * @param defaultTopic Topic for messages without a destination.
	 * @param sendTimeout How long a batch waits for its send results before the unacknowledged messages count as failed.
	 */
	public record Kafka(@Nullable String defaultTopic, @DefaultValue("30s") Duration sendTimeout) {

		public Kafka {
			positive("kafka.send-timeout", sendTimeout);
		}

	}

	/**
	 * Waking the pollers when a transaction that wrote messages commits, instead of at their next
	 * poll: in this instance right after the commit, in the other instances on PostgreSQL through
	 * {@code LISTEN}/{@code NOTIFY}.
	 *
	 * @param enabled Whether a committed write wakes the pollers at once; without, they find new messages at their poll interval.
	 * @param notifyChannel PostgreSQL NOTIFY channel on which the instances wake each other's pollers; a lower-case SQL identifier.
	 */
	public record WakeUps(@DefaultValue("true") boolean enabled, @DefaultValue("ddd_outbox") String notifyChannel) {

		public WakeUps {
			if (!WakeUpChannel.NAME.matcher(notifyChannel).matches()) {
				throw invalid("wake-ups.notify-channel", "must be a lower-case SQL identifier (a-z, 0-9, _, at most "
						+ "63 characters, not starting with a digit)", "'" + notifyChannel + "'");
			}
		}

		/** The channel these settings describe. */
		public WakeUpChannel channel() {
			return this.enabled ? WakeUpChannel.named(this.notifyChannel) : WakeUpChannel.disabled(this.notifyChannel);
		}

	}

}
