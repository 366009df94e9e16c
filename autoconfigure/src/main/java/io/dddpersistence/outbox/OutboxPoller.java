package io.dddpersistence.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.vendor.DatabaseVendors;

import io.dddpersistence.wakeup.WakeUpChannel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;

/**
 * Relays outbox messages to an {@link OutboxPublisher}, started and stopped with the application
 * context. Each round it claims a batch of due messages ({@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL), publishes it, then marks the published messages in one statement and schedules the
 * failed ones for a retry with exponential back-off (dead after {@link OutboxProperties#maxAttempts()}).
 * It holds the batch in one of two ways ({@link OutboxProperties#claim()}): with a lease written
 * into the rows and committed before the batch is published outside any transaction, or, for a
 * publisher that takes milliseconds, with the row locks of a transaction that stays open over the
 * publish and commits with the marks (one write per message instead of two). On PostgreSQL any number of pollers, in one or
 * many application instances, can work on the same table (on H2, the pollers of one instance): a row
 * is claimed by one poller at a time, and the claim of a poller that died expires with its lease,
 * after which another poller takes the row.
 * <p>
 * With {@link OutboxProperties#orderedByKey()} a poller only claims the oldest unpublished message of
 * each key, and on PostgreSQL only once every transaction that could still insert an older message
 * of that key has ended ({@link KeyOrderWatermark}), so message n+1 of a key is never published
 * before message n, and a dead message holds back only its own key.
 */
public class OutboxPoller implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxPoller.class);

	private static final int MAX_ERROR_LENGTH = 2000;

	private final OutboxTable table;

	private final KeyOrderWatermark watermark;

	private final OutboxPublisher publisher;

	private final OutboxProperties settings;

	private final String pollerId;

	private final OutboxObserver observer;

	private final Backoff messageBackoff;

	private final OutboxTable.Marks leaseMarks;

	private volatile @Nullable Boolean locking;
	private final OutboxObservations observations;

	private final Object lifecycle = new Object();

	private volatile boolean running;

	private volatile List<UUID> inFlight = List.of();

	private int outagesInARow;

	private @Nullable ScheduledExecutorService scheduler;

	private final WakeUpChannel wakeUps;

	private final Runnable wakeUp = this::wake;

	// guarded by lifecycle: the round scheduled next, whether it waits for the poll interval (a
	// wake-up runs it at once) or for a back-off (it does not), whether a wake-up came during a round,
	// and the number of the current chain of rounds (a wake-up that replaces the next round starts a
	// new one, so that a round it could not cancel any more ends at once)
	private @Nullable ScheduledFuture<?> next;

	private boolean nextIsIdle;

	private boolean woken;

	private long chain;

	/**
	 * A poller that works as {@code settings} say, waking only at its poll interval; without a
	 * {@link OutboxProperties#pollerId()} it generates its own id.
	 */
	public OutboxPoller(DataSource dataSource, JsonMapper json, OutboxPublisher publisher, OutboxProperties settings,
			OutboxObserver observer) {
		this(dataSource, json, publisher, settings, observer,
				WakeUpChannel.disabled(settings.wakeUps().notifyChannel()));
	}

	/**
	 * A poller that works as {@code settings} say and also polls as soon as a write on
	 * {@code wakeUps} commits; its poll interval remains the safety net.
	 */
	public OutboxPoller(DataSource dataSource, JsonMapper json, OutboxPublisher publisher, OutboxProperties settings,
			OutboxObserver observer, WakeUpChannel wakeUps) {
		this(dataSource, json, publisher, settings, observer, wakeUps, new DatabaseVendors(), OutboxObservations.NOOP,
				settings.schema().tables());
	}

	/** A poller whose claims and publications are also observed. */
	OutboxPoller(DataSource dataSource, JsonMapper json, OutboxPublisher publisher, OutboxProperties settings,
			OutboxObserver observer, OutboxObservations observations) {
		this(dataSource, json, publisher, settings, observer,
				WakeUpChannel.disabled(settings.wakeUps().notifyChannel()), new DatabaseVendors(), observations,
				settings.schema().tables());
	}

	OutboxPoller(DataSource dataSource, JsonMapper json, OutboxPublisher publisher, OutboxProperties settings,
			OutboxObserver observer, WakeUpChannel wakeUps, DatabaseVendors vendors, OutboxObservations observations,
			LibraryTables tables) {
		this.wakeUps = wakeUps;
		this.observations = observations;
		this.table = new OutboxTable(dataSource, json, vendors, tables);
		this.watermark = new KeyOrderWatermark(this.table);
		this.publisher = publisher;
		this.settings = settings;
		String pollerId = settings.pollerId();
		this.pollerId = (pollerId != null) ? pollerId : newPollerId();
		this.observer = observer;
		this.messageBackoff = new Backoff(settings.backoff());
		this.leaseMarks = this.table.leasedBy(this.pollerId, settings.retention().deleteOnPublish());
	}

	/** The id this poller writes into {@code claimed_by}. */
	public String getPollerId() {
		return this.pollerId;
	}

	@Override
	public void start() {
		synchronized (this.lifecycle) {
			if (this.running) {
				return;
			}
			ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "outbox-" + this.pollerId);
				thread.setDaemon(true);
				return thread;
			});
			// a round waiting for its poll interval or back-off must not hold up shutdown
			scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
			this.scheduler = scheduler;
			this.running = true;
			long first = ++this.chain;
			this.next = scheduler.schedule(() -> round(first), 0, TimeUnit.MILLISECONDS);
			this.nextIsIdle = false;
			this.wakeUps.subscribe(this.wakeUp);
		}
	}

	/**
	 * Stops claiming, lets the batch in flight finish within {@link OutboxProperties#shutdownTimeout()}, and
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
			this.wakeUps.unsubscribe(this.wakeUp);
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
		long headsUpToSeq = ordered ? this.watermark.claimableUpTo() : Long.MAX_VALUE;
		Relayed relayed = locking()
				? this.table.relayLocked(this.settings.batchSize(), ordered, headsUpToSeq,
						this.settings.retention().deleteOnPublish(),
						// the select ran in the relay's transaction: the claim observation records the batch taken
						(batch, marks) -> relay(this.observations.claim(this.pollerId, ordered, () -> batch), marks))
				: relayLeased(ordered, headsUpToSeq);
		RuntimeException outage = relayed.outage();
		if (outage != null) {
			throw new PublisherUnavailableException(outage);
		}
		return relayed.count();
	}

	private Relayed relayLeased(boolean ordered, long headsUpToSeq) {
		List<OutboxMessage> batch = this.observations.claim(this.pollerId, ordered,
				() -> this.table.claim(this.pollerId, this.settings.lease().toMillis(), this.settings.batchSize(),
						ordered, headsUpToSeq));
		if (batch.isEmpty()) {
			return Relayed.NOTHING;
		}
		this.inFlight = batch.stream().map(OutboxMessage::id).toList();
		try {
			return relay(batch, this.leaseMarks);
		}
		finally {
			this.inFlight = List.of();
		}
	}

	private Relayed relay(List<OutboxMessage> batch, OutboxTable.Marks marks) {
		if (batch.isEmpty()) {
			return Relayed.NOTHING;
		}
		OutboxObservations.Publication publication = this.observations.publishing(batch, this.publisher);
		Outcome outcome = publish(publication.batch());
		publication.stop(outcome.failures(), outcome.outage());
		settle(batch, outcome.failures(), marks);
		return new Relayed(batch.size(), outcome.outage());
	}

	/*
	 * Decided at the first poll, not in the constructor, so that a poller can be built while the
	 * database is still unreachable.
	 */
	private boolean locking() {
		Boolean locking = this.locking;
		if (locking == null) {
			boolean supported = this.table.locksWhilePublishing();
			locking = switch (this.settings.claim()) {
				case LEASE -> false;
				case AUTO -> supported && this.publisher.publishesQuickly();
				case LOCK -> {
					if (!supported) {
						throw new IllegalStateException(OutboxStartupCheck.CLAIM_PROPERTY
								+ "=lock needs PostgreSQL's FOR UPDATE SKIP LOCKED; this database leases only");
					}
					yield true;
				}
			};
			this.locking = locking;
		}
		return locking;
	}

	/**
	 * Polls at once instead of at the end of the poll interval: a write on the wake-up channel
	 * committed. A round in progress polls again when it ends; a back-off after a failure is kept.
	 */
	void wake() {
		synchronized (this.lifecycle) {
			this.woken = true;
			ScheduledExecutorService scheduler = this.scheduler;
			ScheduledFuture<?> pending = this.next;
			if (this.running && scheduler != null && pending != null && this.nextIsIdle && pending.cancel(false)) {
				long now = ++this.chain;
				this.next = scheduler.schedule(() -> round(now), 0, TimeUnit.MILLISECONDS);
				this.nextIsIdle = false;
			}
		}
	}

	private void round(long chain) {
		synchronized (this.lifecycle) {
			if (!this.running || chain != this.chain) {
				return;
			}
			this.next = null;
			this.woken = false;
		}
		long delay;
		boolean idle;
		try {
			int claimed = pollOnce();
			this.outagesInARow = 0;
			// drain while there is work, wait only once the table had nothing due: messages that
			// arrive at a steady rate are relayed within one round, and a wake-up or the poll
			// interval ends the wait
			idle = claimed == 0;
			delay = idle ? this.settings.pollInterval().toMillis() : 0;
		}
		catch (RuntimeException ex) {
			this.outagesInARow++;
			idle = false;
			delay = Math.max(this.settings.pollInterval().toMillis(), this.messageBackoff.delayMillis(this.outagesInARow));
			logger.warn("Outbox poller " + this.pollerId + " failed (" + ex.getMessage()
					+ "); retrying in " + delay + " ms");
		}
		synchronized (this.lifecycle) {
			ScheduledExecutorService scheduler = this.scheduler;
			if (this.running && scheduler != null && chain == this.chain) {
				if (idle && this.woken) {
					// a write committed while this round ran, perhaps after its claim looked
					delay = 0;
				}
				this.next = scheduler.schedule(() -> round(chain), delay, TimeUnit.MILLISECONDS);
				this.nextIsIdle = idle && delay > 0;
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

	private void settle(List<OutboxMessage> batch, List<OutboxPublisher.PublishFailure> failures,
			OutboxTable.Marks marks) {
		Set<UUID> failed = new HashSet<>();
		List<OutboxTable.Failure> retries = new ArrayList<>(failures.size());
		for (OutboxPublisher.PublishFailure failure : failures) {
			if (failed.add(failure.message().id())) {
				retries.add(new OutboxTable.Failure(failure.message().id(), truncate(failure.reason()),
						this.messageBackoff.delayMillis(failure.message().attempts() + 1)));
			}
		}
		List<OutboxMessage> published = new ArrayList<>(batch.size());
		List<OutboxMessage> failedMessages = new ArrayList<>(failed.size());
		for (OutboxMessage message : batch) {
			if (!failed.contains(message.id())) {
				published.add(message);
			}
			else {
				failedMessages.add(message);
			}
		}
		if (!published.isEmpty()) {
			marks.published(published.stream().map(OutboxMessage::id).toList());
			Instant now = Instant.now();
			for (OutboxMessage message : published) {
				this.observer.published(message, Duration.between(message.createdAt(), now));
			}
		}
		if (!retries.isEmpty()) {
			List<UUID> dead = marks.failed(retries, this.settings.maxAttempts());
			this.observer.failed(failedMessages);
			if (!dead.isEmpty()) {
				Set<UUID> deadIds = new HashSet<>(dead);
				this.observer.dead(failedMessages.stream().filter((message) -> deadIds.contains(message.id())).toList());
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
			this.table.release(this.pollerId, ids);
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
	static String newPollerId() {
		return "poller-" + ProcessHandle.current().pid() + "-"
				+ Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL);
	}

	private record Outcome(List<OutboxPublisher.PublishFailure> failures, @Nullable RuntimeException outage) {
	}

	/** A relayed batch: how many messages it had, and the exception of a publisher that failed it whole. */
	private record Relayed(int count, @Nullable RuntimeException outage) {

		static final Relayed NOTHING = new Relayed(0, null);

	}

	/** The publisher threw: the batch was recorded as failed, and the poller backs off. */
	static final class PublisherUnavailableException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		PublisherUnavailableException(Throwable cause) {
			super("the publisher failed the whole batch: " + describe(cause), cause);
		}

	}

}
