package io.dddpersistence.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the transactional outbox ({@code ddd.persistence.outbox.*}), checked at
 * start-up: a bad value fails naming the property.
 */
@ConfigurationProperties("ddd.persistence.outbox")
public class OutboxProperties implements InitializingBean {

	/** The publisher names {@link #getPublisher()} accepts. */
	public static final List<String> PUBLISHERS = List.of("in-process", "rabbitmq", "kafka");

	/** Whether the outbox (writer, capture, poller) is configured at all. */
	private boolean enabled = true;

	/** Where the poller sends messages: in-process (Spring application events), rabbitmq or kafka. */
	private String publisher = "in-process";

	/** Whether domain events whose type is annotated @Externalized are written to the outbox when their aggregate is saved. */
	private boolean captureDomainEvents = true;

	/** Whether this instance runs a poller; turn it off in instances that only write. */
	private boolean pollerEnabled = true;

	/** The id this instance's poller writes into claimed_by; generated from the process id when not set. */
	private @Nullable String pollerId;

	/** How many application instances run a poller on this database; PostgreSQL takes any number, H2 only 1. */
	private int instances = 1;

	/** How many messages a poller claims and publishes at once. */
	private int batchSize = 500;

	/** Pause between polls once a poll found nothing due (while messages keep coming, the poller polls again at once). */
	private Duration pollInterval = Duration.ofMillis(100);

	/** How long a claim holds; a poller that has not published its batch by then loses it to another. */
	private Duration lease = Duration.ofSeconds(60);

	/** Failed publication attempts after which a message is dead (status FAILED). */
	private int maxAttempts = 10;

	/** Whether messages with the same key are published strictly in the order they were written. */
	private boolean orderedByKey = false;

	/** How long shutdown waits for the batch in flight before giving it back. */
	private Duration shutdownTimeout = Duration.ofSeconds(30);

	/** Page and batch size of the dead message operations and of retention. */
	private int adminBatchSize = 1000;

	private final Backoff backoff = new Backoff();

	private final Retention retention = new Retention();

	private final Schema schema = new Schema();

	private final Health health = new Health();

	private final Metrics metrics = new Metrics();

	private final Rabbitmq rabbitmq = new Rabbitmq();

	private final Kafka kafka = new Kafka();

	@Override
	public void afterPropertiesSet() {
		if (!PUBLISHERS.contains(this.publisher)) {
			throw new IllegalArgumentException("ddd.persistence.outbox.publisher must be one of " + PUBLISHERS
					+ " but was '" + this.publisher + "'");
		}
		positive("instances", this.instances);
		positive("batch-size", this.batchSize);
		positive("poll-interval", this.pollInterval);
		positive("lease", this.lease);
		positive("max-attempts", this.maxAttempts);
		positive("shutdown-timeout", this.shutdownTimeout);
		positive("admin-batch-size", this.adminBatchSize);
		positive("backoff.initial", this.backoff.initial);
		positive("backoff.max", this.backoff.max);
		if (this.backoff.multiplier < 1) {
			throw invalid("backoff.multiplier", "must be at least 1", this.backoff.multiplier);
		}
		if (this.backoff.jitter < 0 || this.backoff.jitter > 1) {
			throw invalid("backoff.jitter", "must be between 0 and 1", this.backoff.jitter);
		}
		positive("retention.interval", this.retention.interval);
		if (this.retention.keepPublished.isNegative()) {
			throw invalid("retention.keep-published", "must not be negative", this.retention.keepPublished);
		}
		positive("metrics.refresh", this.metrics.refresh);
		positive("rabbitmq.confirm-timeout", this.rabbitmq.confirmTimeout);
		positive("kafka.send-timeout", this.kafka.sendTimeout);
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

	private static IllegalArgumentException invalid(String property, String rule, Object value) {
		return new IllegalArgumentException("ddd.persistence.outbox." + property + " " + rule + " but was " + value);
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPublisher() {
		return this.publisher;
	}

	public void setPublisher(String publisher) {
		this.publisher = publisher;
	}

	public boolean isCaptureDomainEvents() {
		return this.captureDomainEvents;
	}

	public void setCaptureDomainEvents(boolean captureDomainEvents) {
		this.captureDomainEvents = captureDomainEvents;
	}

	public boolean isPollerEnabled() {
		return this.pollerEnabled;
	}

	public void setPollerEnabled(boolean pollerEnabled) {
		this.pollerEnabled = pollerEnabled;
	}

	public @Nullable String getPollerId() {
		return this.pollerId;
	}

	public void setPollerId(@Nullable String pollerId) {
		this.pollerId = pollerId;
	}

	public int getBatchSize() {
		return this.batchSize;
	}

	public void setBatchSize(int batchSize) {
		this.batchSize = batchSize;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public Duration getLease() {
		return this.lease;
	}

	public void setLease(Duration lease) {
		this.lease = lease;
	}

	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	public boolean isOrderedByKey() {
		return this.orderedByKey;
	}

	public void setOrderedByKey(boolean orderedByKey) {
		this.orderedByKey = orderedByKey;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public int getInstances() {
		return this.instances;
	}

	public void setInstances(int instances) {
		this.instances = instances;
	}

	public int getAdminBatchSize() {
		return this.adminBatchSize;
	}

	public void setAdminBatchSize(int adminBatchSize) {
		this.adminBatchSize = adminBatchSize;
	}

	public Backoff getBackoff() {
		return this.backoff;
	}

	public Retention getRetention() {
		return this.retention;
	}

	public Schema getSchema() {
		return this.schema;
	}

	public Health getHealth() {
		return this.health;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Rabbitmq getRabbitmq() {
		return this.rabbitmq;
	}

	public Kafka getKafka() {
		return this.kafka;
	}

	/** Retries of failed messages. */
	public static class Backoff {

		/** Delay before the first retry of a failed message. */
		private Duration initial = Duration.ofSeconds(1);

		/** Factor applied to the delay for each further failure. */
		private double multiplier = 2.0;

		/** Longest delay between two attempts. */
		private Duration max = Duration.ofMinutes(5);

		/** Fraction of each delay drawn at random (0 to 1), so that messages failed together do not retry together. */
		private double jitter = 0.5;

		public Duration getInitial() {
			return this.initial;
		}

		public void setInitial(Duration initial) {
			this.initial = initial;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMax() {
			return this.max;
		}

		public void setMax(Duration max) {
			this.max = max;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

	}

	/** Purging of published messages. */
	public static class Retention {

		/** Whether published messages are purged on a schedule. */
		private boolean enabled = true;

		/** How long published messages are kept before they are purged. */
		private Duration keepPublished = Duration.ofDays(7);

		/** How often the purge runs. */
		private Duration interval = Duration.ofMinutes(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getKeepPublished() {
			return this.keepPublished;
		}

		public void setKeepPublished(Duration keepPublished) {
			this.keepPublished = keepPublished;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

	}

	/** The outbox table. */
	public static class Schema {

		/** Whether the library creates and upgrades its outbox table with its own Flyway scripts. */
		private boolean migrate = true;

		public boolean isMigrate() {
			return this.migrate;
		}

		public void setMigrate(boolean migrate) {
			this.migrate = migrate;
		}

	}

	/** Thresholds of the Actuator health indicator; an unset threshold is not checked. */
	public static class Health {

		/** Pending messages above which the outbox health is DOWN. */
		private @Nullable Long maxPending = 100_000L;

		/** Age of the oldest pending message above which the outbox health is DOWN. */
		private @Nullable Duration maxOldestPendingAge = Duration.ofMinutes(15);

		/** Dead messages above which the outbox health is DOWN; not checked when unset. */
		private @Nullable Long maxDead;

		public @Nullable Long getMaxPending() {
			return this.maxPending;
		}

		public void setMaxPending(@Nullable Long maxPending) {
			this.maxPending = maxPending;
		}

		public @Nullable Duration getMaxOldestPendingAge() {
			return this.maxOldestPendingAge;
		}

		public void setMaxOldestPendingAge(@Nullable Duration maxOldestPendingAge) {
			this.maxOldestPendingAge = maxOldestPendingAge;
		}

		public @Nullable Long getMaxDead() {
			return this.maxDead;
		}

		public void setMaxDead(@Nullable Long maxDead) {
			this.maxDead = maxDead;
		}

	}

	/** Micrometer meters. */
	public static class Metrics {

		/** How long the backlog gauges reuse one reading of the table. */
		private Duration refresh = Duration.ofSeconds(10);

		public Duration getRefresh() {
			return this.refresh;
		}

		public void setRefresh(Duration refresh) {
			this.refresh = refresh;
		}

	}

	/** The RabbitMQ publisher. */
	public static class Rabbitmq {

		/** Exchange for messages without a destination; empty for the default exchange. */
		private String defaultExchange = "";

		/** How long a batch waits for the broker's publisher confirms before its unconfirmed messages count as failed. */
		private Duration confirmTimeout = Duration.ofSeconds(10);

		public String getDefaultExchange() {
			return this.defaultExchange;
		}

		public void setDefaultExchange(String defaultExchange) {
			this.defaultExchange = defaultExchange;
		}

		public Duration getConfirmTimeout() {
			return this.confirmTimeout;
		}

		public void setConfirmTimeout(Duration confirmTimeout) {
			this.confirmTimeout = confirmTimeout;
		}

	}

	/** The Kafka publisher. */
	public static class Kafka {

		/** Topic for messages without a destination. */
		private @Nullable String defaultTopic;

		/** How long a batch waits for its send results before the unacknowledged messages count as failed. */
		private Duration sendTimeout = Duration.ofSeconds(30);

		public @Nullable String getDefaultTopic() {
			return this.defaultTopic;
		}

		public void setDefaultTopic(@Nullable String defaultTopic) {
			this.defaultTopic = defaultTopic;
		}

		public Duration getSendTimeout() {
			return this.sendTimeout;
		}

		public void setSendTimeout(Duration sendTimeout) {
			this.sendTimeout = sendTimeout;
		}

	}

}
