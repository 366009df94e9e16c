package io.dddpersistence.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;

/**
 * Relays outbox messages to an {@link OutboxPublisher}, started and stopped with the application
 * context. Each round it claims a batch of due messages with a lease ({@code FOR UPDATE SKIP LOCKED}
 * on PostgreSQL), commits the claim, publishes the batch outside any database transaction, then marks the
 * published messages in one statement and schedules the failed ones for a retry with exponential
 * back-off (dead after {@link Settings#maxAttempts()}). On PostgreSQL any number of pollers, in one or
 * many application instances, can work on the same table (on H2, the pollers of one instance): a row
 * is claimed by one poller at a time, and the claim of a poller that died expires with its lease,
 * after which another poller takes the row.
 * <p>
 * With {@link Settings#orderedByKey()} a poller only claims the oldest unpublished message of each
 * key, and on PostgreSQL only once every transaction that could still insert an older message of
 * that key has ended ({@link KeyOrderWatermark}), so message n+1 of a key is never published before
 * message n, and a dead message holds back only its own key.
 */
public class OutboxPoller implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxPoller.class);

	private static final int MAX_ERROR_LENGTH = 2000;

	private final OutboxTable table;

	private final KeyOrderWatermark watermark;

	private final OutboxPublisher publisher;

	private final Settings settings;

	private final OutboxObserver observer;

	private final Backoff messageBackoff;

	private final Object lifecycle = new Object();

	private volatile boolean running;

	private volatile List<UUID> inFlight = List.of();

	private int outagesInARow;

	private @Nullable ScheduledExecutorService scheduler;

	public OutboxPoller(DataSource dataSource, JsonMapper json, OutboxPublisher publisher, Settings settings,
			OutboxObserver observer) {
		this.table = new OutboxTable(dataSource, json);
		this.watermark = new KeyOrderWatermark(this.table);
		this.publisher = publisher;
		this.settings = settings;
		this.observer = observer;
		this.messageBackoff = new Backoff(settings.initialBackoff(), settings.backoffMultiplier(),
				settings.maxBackoff(), settings.jitter());
	}

	/** The id this poller writes into {@code claimed_by}. */
	public String getPollerId() {
		return this.settings.pollerId();
	}

	@Override
	public void start() {
		synchronized (this.lifecycle) {
			if (this.running) {
				return;
			}
			ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "outbox-" + this.settings.pollerId());
				thread.setDaemon(true);
				return thread;
			});
			// a round waiting for its poll interval or back-off must not hold up shutdown
			scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
			this.scheduler = scheduler;
			this.running = true;
			this.scheduler.execute(this::round);
		}
	}

	/**
	 * Stops claiming, lets the batch in flight finish within {@link Settings#shutdownTimeout()}, and
	 * gives its messages back if it does not.
	 */
	@Override
	public void stop() {
		ScheduledExecutorService stopping;
		synchronized (this.lifecycle) {
			if (!this.running) {
				return;
			}
			this.running = false;
			stopping = this.scheduler;
		}
		if (stopping == null) {
			return;
		}
		stopping.shutdown();
		try {
			if (!stopping.awaitTermination(this.settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				stopping.shutdownNow();
				releaseInFlight();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stopping.shutdownNow();
			releaseInFlight();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Claims, publishes and marks one batch now, on the calling thread.
	 * @return how many messages were claimed
	 */
	public int pollOnce() {
		boolean ordered = this.settings.orderedByKey();
		List<OutboxMessage> batch = this.table.claim(this.settings.pollerId(), this.settings.lease().toMillis(),
				this.settings.batchSize(), ordered, ordered ? this.watermark.claimableUpTo() : Long.MAX_VALUE);
		if (batch.isEmpty()) {
			return 0;
		}
		this.inFlight = batch.stream().map(OutboxMessage::id).toList();
		try {
			Outcome outcome = publish(batch);
			settle(batch, outcome.failures());
			if (outcome.outage() != null) {
				throw new PublisherUnavailableException(outcome.outage());
			}
			return batch.size();
		}
		finally {
			this.inFlight = List.of();
		}
	}

	private void round() {
		if (!this.running) {
			return;
		}
		long delay;
		try {
			int claimed = pollOnce();
			this.outagesInARow = 0;
			// drain while there is work, sleep only once the table had nothing due: messages that
			// arrive at a steady rate are relayed within one round, not within one poll interval
			delay = (claimed > 0) ? 0 : this.settings.pollInterval().toMillis();
		}
		catch (RuntimeException ex) {
			this.outagesInARow++;
			delay = Math.max(this.settings.pollInterval().toMillis(), this.messageBackoff.delayMillis(this.outagesInARow));
			logger.warn("Outbox poller " + this.settings.pollerId() + " failed (" + ex.getMessage()
					+ "); retrying in " + delay + " ms");
		}
		synchronized (this.lifecycle) {
			if (this.running && this.scheduler != null) {
				this.scheduler.schedule(this::round, delay, TimeUnit.MILLISECONDS);
			}
		}
	}

	private Outcome publish(List<OutboxMessage> batch) {
		try {
			return new Outcome(this.publisher.publish(batch), null);
		}
		catch (RuntimeException ex) {
			List<OutboxPublisher.PublishFailure> all = new ArrayList<>(batch.size());
			String reason = describe(ex);
			batch.forEach((message) -> all.add(new OutboxPublisher.PublishFailure(message, reason)));
			return new Outcome(all, ex);
		}
	}

	private void settle(List<OutboxMessage> batch, List<OutboxPublisher.PublishFailure> failures) {
		Set<UUID> failed = new HashSet<>();
		List<OutboxTable.Failure> retries = new ArrayList<>(failures.size());
		for (OutboxPublisher.PublishFailure failure : failures) {
			if (failed.add(failure.message().id())) {
				retries.add(new OutboxTable.Failure(failure.message().id(), truncate(failure.reason()),
						this.messageBackoff.delayMillis(failure.message().attempts() + 1)));
			}
		}
		List<OutboxMessage> published = new ArrayList<>(batch.size());
		for (OutboxMessage message : batch) {
			if (!failed.contains(message.id())) {
				published.add(message);
			}
		}
		if (!published.isEmpty()) {
			this.table.markPublished(this.settings.pollerId(), published.stream().map(OutboxMessage::id).toList());
			Instant now = Instant.now();
			for (OutboxMessage message : published) {
				this.observer.published(message, Duration.between(message.createdAt(), now));
			}
		}
		if (!retries.isEmpty()) {
			List<UUID> dead = this.table.markFailed(this.settings.pollerId(), retries, this.settings.maxAttempts());
			this.observer.failed(retries.size());
			if (!dead.isEmpty()) {
				this.observer.dead(dead.size());
				logger.warn(dead.size() + " outbox message(s) failed " + this.settings.maxAttempts()
						+ " times and are dead; resubmit them with OutboxAdmin once the cause is fixed");
			}
		}
	}

	private void releaseInFlight() {
		List<UUID> ids = this.inFlight;
		if (ids.isEmpty()) {
			return;
		}
		try {
			this.table.release(this.settings.pollerId(), ids);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not give back " + ids.size() + " claimed outbox message(s); they are taken again "
					+ "when their lease expires: " + ex.getMessage());
		}
	}

	private static String describe(Throwable ex) {
		return ex.getClass().getName() + ": " + ex.getMessage();
	}

	private static String truncate(String reason) {
		return (reason.length() <= MAX_ERROR_LENGTH) ? reason : reason.substring(0, MAX_ERROR_LENGTH);
	}

	/** A new poller id: process id and a random suffix, so that restarts never reuse one. */
	public static String newPollerId() {
		return "poller-" + ProcessHandle.current().pid() + "-"
				+ Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL);
	}

	private record Outcome(List<OutboxPublisher.PublishFailure> failures, @Nullable RuntimeException outage) {
	}

	/** The publisher threw: the batch was recorded as failed, and the poller backs off. */
	static final class PublisherUnavailableException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		PublisherUnavailableException(Throwable cause) {
			super("the publisher failed the whole batch: " + describe(cause), cause);
		}

	}

	/**
	 * How a poller works.
	 *
	 * @param pollerId the id written into {@code claimed_by}; unique per poller
	 * @param batchSize how many messages one round claims at most
	 * @param pollInterval the pause between rounds when the last one found nothing due
	 * @param lease how long a claim holds; a poller that has not finished by then loses its batch
	 * @param maxAttempts failed attempts after which a message goes dead
	 * @param initialBackoff the delay before the first retry
	 * @param backoffMultiplier the factor applied per further failure
	 * @param maxBackoff the longest delay between retries
	 * @param jitter the fraction of each delay drawn at random, from 0 to 1
	 * @param orderedByKey whether to keep the order of messages with the same key
	 * @param shutdownTimeout how long stopping waits for the batch in flight before giving it back
	 */
	public record Settings(String pollerId, int batchSize, Duration pollInterval, Duration lease, int maxAttempts,
			Duration initialBackoff, double backoffMultiplier, Duration maxBackoff, double jitter,
			boolean orderedByKey, Duration shutdownTimeout) {

		public Settings {
			if (pollerId.isBlank()) {
				throw new IllegalArgumentException("pollerId must not be blank");
			}
			positive("batchSize", batchSize);
			positive("pollInterval", pollInterval.toMillis());
			positive("lease", lease.toMillis());
			positive("maxAttempts", maxAttempts);
			if (initialBackoff.isNegative() || maxBackoff.isNegative() || backoffMultiplier < 1 || jitter < 0
					|| jitter > 1) {
				throw new IllegalArgumentException("back-off needs non-negative delays, a multiplier >= 1 and "
						+ "a jitter between 0 and 1");
			}
		}

		/** The defaults of the auto-configuration, with a fresh poller id. */
		public static Settings defaults() {
			return new Settings(newPollerId(), 500, Duration.ofMillis(100), Duration.ofSeconds(60), 10,
					Duration.ofSeconds(1), 2.0, Duration.ofMinutes(5), 0.5, false, Duration.ofSeconds(30));
		}

		public Settings withPollerId(String pollerId) {
			return new Settings(pollerId, this.batchSize, this.pollInterval, this.lease, this.maxAttempts,
					this.initialBackoff, this.backoffMultiplier, this.maxBackoff, this.jitter, this.orderedByKey,
					this.shutdownTimeout);
		}

		public Settings withBatchSize(int batchSize) {
			return new Settings(this.pollerId, batchSize, this.pollInterval, this.lease, this.maxAttempts,
					this.initialBackoff, this.backoffMultiplier, this.maxBackoff, this.jitter, this.orderedByKey,
					this.shutdownTimeout);
		}

		public Settings withPollInterval(Duration pollInterval) {
			return new Settings(this.pollerId, this.batchSize, pollInterval, this.lease, this.maxAttempts,
					this.initialBackoff, this.backoffMultiplier, this.maxBackoff, this.jitter, this.orderedByKey,
					this.shutdownTimeout);
		}

		public Settings withLease(Duration lease) {
			return new Settings(this.pollerId, this.batchSize, this.pollInterval, lease, this.maxAttempts,
					this.initialBackoff, this.backoffMultiplier, this.maxBackoff, this.jitter, this.orderedByKey,
					this.shutdownTimeout);
		}

		public Settings withRetries(int maxAttempts, Duration initialBackoff, double backoffMultiplier,
				Duration maxBackoff) {
			return new Settings(this.pollerId, this.batchSize, this.pollInterval, this.lease, maxAttempts,
					initialBackoff, backoffMultiplier, maxBackoff, this.jitter, this.orderedByKey,
					this.shutdownTimeout);
		}

		public Settings withOrderedByKey(boolean orderedByKey) {
			return new Settings(this.pollerId, this.batchSize, this.pollInterval, this.lease, this.maxAttempts,
					this.initialBackoff, this.backoffMultiplier, this.maxBackoff, this.jitter, orderedByKey,
					this.shutdownTimeout);
		}

		private static void positive(String name, long value) {
			if (value <= 0) {
				throw new IllegalArgumentException(name + " must be positive but was " + value);
			}
		}

	}

}
