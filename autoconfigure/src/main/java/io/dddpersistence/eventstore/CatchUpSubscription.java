package io.dddpersistence.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds one {@link Projection} from the event store, in the store's global order, on a thread of
 * its own. Each batch is read, handled and checkpointed in one transaction. An event whose handler
 * failed {@code max-attempts} times is parked in a transaction of its own, so that no later
 * rollback undoes the park, and every batch skips the events parked in the database. Across instances of
 * the application only the holder of the subscription's lease processes; the others wait and
 * take over when the holder stops renewing it. The checkpoint is moved with a compare-and-set on
 * the old value, so a holder that lost its lease cannot commit a batch twice.
 */
class CatchUpSubscription {

	private static final Log logger = LogFactory.getLog(CatchUpSubscription.class);

	private final Projection projection;

	private final EventStore store;

	private final EventSerializer serializer;

	private final CheckpointStore checkpoints;

	private final TransactionTemplate transactions;

	private final TransactionTemplate parks;

	private final EventStoreProperties.Subscriptions settings;

	private final String owner;

	private final Object monitor = new Object();

	private volatile boolean running;

	private @Nullable Thread worker;

	private volatile @Nullable GlobalPosition checkpoint;

	private long leaseRenewedAt;

	private @Nullable StoredEvent current;

	private final EventAttempts attempts;

	private volatile int consecutiveFailures;

	private volatile @Nullable String lastError;

	private volatile boolean crashed;

	private final AtomicLong handled = new AtomicLong();

	private final AtomicLong parked = new AtomicLong();

	// guarded by monitor: an append committed since the last read began; resets asked for
	private boolean woken;

	// reads left after a wake-up that found nothing new, 10 ms apart, then twice as far each time
	private static final int FOLLOW_UPS = 8;

	private static final long FIRST_FOLLOW_UP_MILLIS = 10;

	private int followUps;

	private long resets;

	// whether the last step's pause is for having caught up, which a wake-up ends
	private boolean caughtUp;

	private final EventStoreObservations observations;

	/**
	 * @param owner identifies this application instance in the lease, e.g. host name and a random suffix
	 */
	CatchUpSubscription(Projection projection, EventStore store, EventSerializer serializer, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, EventStoreProperties.Subscriptions settings, String owner) {
		this(projection, store, serializer, jdbc, transactionManager, settings, owner, EventStoreObservations.NOOP);
	}

	CatchUpSubscription(Projection projection, EventStore store, EventSerializer serializer, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, EventStoreProperties.Subscriptions settings, String owner,
			EventStoreObservations observations) {
		this.observations = observations;
		this.projection = projection;
		this.store = store;
		this.serializer = serializer;
		this.checkpoints = new CheckpointStore(jdbc, store.sql());
		this.transactions = new TransactionTemplate(transactionManager);
		// never inside the batch's transaction, whose rollback would take the park with it
		this.parks = new TransactionTemplate(transactionManager);
		this.parks.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.settings = settings;
		this.attempts = new EventAttempts(settings.maxAttempts());
		this.owner = owner;
	}

	public String name() {
		return this.projection.name();
	}

	/** Starts the worker thread; it competes for the lease and processes while it holds it. */
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.checkpoints.ensure(name());
		this.running = true;
		this.crashed = false;
		Thread thread = new Thread(this::work, "ddd-subscription-" + name());
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	/** Lets the current batch finish, stops the worker and gives the lease up for another instance. */
	public synchronized void stop() {
		this.running = false;
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
		Thread thread = this.worker;
		if (thread != null) {
			try {
				thread.join(this.settings.leaseDuration().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (!thread.isAlive() && this.checkpoint != null) {
				this.checkpoints.release(name(), this.owner);
				this.checkpoint = null;
			}
		}
	}

	public boolean isRunning() {
		return this.running && !this.crashed;
	}

	/**
	 * Clears the projection ({@link Projection#reset()}), sets the checkpoint back to the start and
	 * forgets the parked events, in one transaction, so that the holder rebuilds the read model from
	 * position 0 and tries every event again. A batch in flight on any instance cannot commit past
	 * the reset.
	 */
	public void reset() {
		this.transactions.executeWithoutResult((status) -> {
			this.checkpoints.ensure(name());
			this.checkpoints.rewind(name());
			this.checkpoints.unparkAll(name());
			this.projection.reset();
		});
		this.checkpoint = null;
		synchronized (this.monitor) {
			this.resets++;
			this.monitor.notifyAll();
		}
	}

	/**
	 * An append committed: a subscription that has caught up reads at once instead of at the end of
	 * its poll interval. A back-off after a failure is kept.
	 */
	void wake() {
		synchronized (this.monitor) {
			this.woken = true;
			this.monitor.notifyAll();
		}
	}

	/** Where the subscription stands; queries the database for the lag. */
	public SubscriptionStatus status() {
		GlobalPosition stored = this.checkpoints.checkpoint(name());
		return new SubscriptionStatus(name(), isRunning() && this.checkpoint != null, stored,
				this.checkpoints.eventsAfter(stored), this.checkpoints.secondsBehind(stored), this.handled.get(),
				this.parked.get(), this.consecutiveFailures, this.lastError, this.crashed);
	}

	int maxAttempts() {
		return this.settings.maxAttempts();
	}

	private void work() {
		try {
			while (this.running) {
				synchronized (this.monitor) {
					if (this.woken) {
						this.followUps = FOLLOW_UPS;
					}
					// a wake-up from now on may be for an event this step does not read
					this.woken = false;
				}
				this.caughtUp = false;
				Duration pause = step();
				if (!pause.isZero()) {
					pause(pause, this.caughtUp);
				}
			}
		}
		catch (Throwable ex) {
			// like a crashed process: the lease is left to expire and another instance takes over
			this.crashed = true;
			this.lastError = String.valueOf(ex);
			logger.error("Subscription '" + name() + "' stopped unexpectedly; its lease will expire", ex);
			if (ex instanceof VirtualMachineError error) {
				throw error;
			}
		}
	}

	private Duration step() {
		try {
			if (this.checkpoint == null || leaseDueForRenewal()) {
				if (this.checkpoint == null) {
					this.attempts.forget();
				}
				Optional<GlobalPosition> leased = this.checkpoints.lease(name(), this.owner,
						this.settings.leaseDuration());
				this.checkpoint = leased.orElse(null);
				if (leased.isEmpty()) {
					return this.settings.pollInterval();
				}
				this.leaseRenewedAt = System.nanoTime();
			}
			int read = processBatch();
			this.consecutiveFailures = 0;
			this.lastError = null;
			if (read >= this.settings.batchSize()) {
				return Duration.ZERO;
			}
			this.caughtUp = true;
			if (read > 0) {
				this.followUps = 0;
			}
			else if (this.followUps > 0) {
				// woken for an event the gap-safe read does not show yet: an older transaction
				// anywhere on the server is still open. Read again soon, then at the poll interval.
				return Duration.ofMillis(FIRST_FOLLOW_UP_MILLIS << (FOLLOW_UPS - this.followUps--));
			}
			return this.settings.pollInterval();
		}
		catch (CheckpointMovedException ex) {
			this.checkpoint = null;
			return Duration.ZERO;
		}
		catch (RuntimeException ex) {
			return failed(ex);
		}
	}

	private boolean leaseDueForRenewal() {
		return System.nanoTime() - this.leaseRenewedAt > this.settings.leaseDuration().toNanos() / 3;
	}

	/** Parks what is due, then handles a batch; returns how many events it read. */
	private int processBatch() {
		GlobalPosition from = this.checkpoint;
		if (from == null) {
			return 0;
		}
		parkDueEvents();
		Batch batch = this.transactions.execute((status) -> handleBatch(from, status));
		if (batch == null || batch.taken().isEmpty()) {
			return 0;
		}
		this.checkpoint = batch.taken().get(batch.taken().size() - 1).globalPosition();
		this.leaseRenewedAt = System.nanoTime();
		this.handled.addAndGet(batch.handled());
		this.attempts.committed(batch.taken());
		return batch.read();
	}

	/**
	 * Reads after the checkpoint and handles what it read, skipping parked events, up to an event
	 * that failed before: that one heads the next batch, so the events before it commit now and its
	 * next failure rolls back nothing but itself.
	 */
	private Batch handleBatch(GlobalPosition from, TransactionStatus transaction) {
		List<StoredEvent> read = this.store.readAfter(from, this.settings.batchSize());
		if (read.isEmpty()) {
			return new Batch(read, 0, 0);
		}
		return this.observations.projection(name(), read.size(), () -> handleRead(from, read, transaction));
	}

	private Batch handleRead(GlobalPosition from, List<StoredEvent> read, TransactionStatus transaction) {
		Set<Long> parkedEvents = this.checkpoints.parkedAmong(name(), read);
		List<StoredEvent> taken = new ArrayList<>(read.size());
		int handledNow = 0;
		for (StoredEvent event : read) {
			if (!taken.isEmpty() && this.attempts.hasFailed(event)) {
				break;
			}
			taken.add(event);
			if (!parkedEvents.contains(event.position())) {
				this.current = event;
				this.serializer.record(event).ifPresent(this.projection::handle);
				if (transaction.isRollbackOnly()) {
					// the handler swallowed a failure that doomed the batch: it is this event's failure,
					// counted and parked like a thrown one, not a commit error retried for ever
					throw new HandlerRolledBackException(event);
				}
				handledNow++;
			}
		}
		this.current = null;
		StoredEvent last = taken.get(taken.size() - 1);
		if (!this.checkpoints.advance(name(), this.owner, from, last.globalPosition(), last.occurredAt(),
				this.settings.leaseDuration())) {
			throw new CheckpointMovedException();
		}
		return new Batch(taken, handledNow, read.size());
	}

	private void parkDueEvents() {
		for (EventAttempts.Park park : this.attempts.due()) {
			Boolean written = this.parks.execute((status) -> this.checkpoints.park(name(), this.owner, park.event(),
					park.error(), park.attempts()));
			if (!Boolean.TRUE.equals(written)) {
				throw new CheckpointMovedException();
			}
			this.attempts.parked(park);
			this.parked.incrementAndGet();
			// the back-off is for one event's failures; the next event starts from the first pause
			this.consecutiveFailures = 0;
			logger.warn("Subscription '" + name() + "' parked the event at position " + park.event().position()
					+ " (" + park.event().eventType() + ") after " + park.attempts() + " attempts: " + park.error());
		}
	}

	private Duration failed(RuntimeException ex) {
		StoredEvent event = this.current;
		this.current = null;
		this.consecutiveFailures++;
		String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		this.lastError = error;
		boolean infrastructure = ex instanceof TransientDataAccessException
				|| ex instanceof DataAccessResourceFailureException;
		if (event != null && !infrastructure) {
			int attempt = this.attempts.failed(event, error);
			logger.warn("Subscription '" + name() + "' failed at position " + event.position() + " ("
					+ event.eventType() + "), attempt " + attempt + " of " + this.settings.maxAttempts() + ": "
					+ ex.getMessage());
			if (attempt >= this.settings.maxAttempts()) {
				// parked first thing in the next step, before a stop could lose the count
				return Duration.ZERO;
			}
		}
		else {
			logger.warn("Subscription '" + name() + "' could not read or checkpoint; retrying: " + ex.getMessage());
		}
		long backoff = this.settings.initialBackoff().toMillis()
				<< Math.min(20, Math.max(0, this.consecutiveFailures - 1));
		return Duration.ofMillis(Math.min(backoff, this.settings.maxBackoff().toMillis()));
	}

	/** Waits, until a stop or a reset, and when {@code caughtUp} until a wake-up too. */
	private void pause(Duration duration, boolean caughtUp) {
		long deadline = System.nanoTime() + duration.toNanos();
		synchronized (this.monitor) {
			long resetsBefore = this.resets;
			long left;
			while (this.running && this.resets == resetsBefore && !(caughtUp && this.woken)
					&& (left = deadline - System.nanoTime()) > 0) {
				try {
					this.monitor.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					this.running = false;
				}
			}
		}
	}

	/**
	 * The events a batch's transaction took (handled or skipped as parked), how many of them it
	 * handled, and how many it read.
	 */
	private record Batch(List<StoredEvent> taken, int handled, int read) {
	}

	/** A handler returned normally but left the batch's transaction marked rollback-only. */
	private static final class HandlerRolledBackException extends RuntimeException {

		HandlerRolledBackException(StoredEvent event) {
			super("the handler of " + event.eventType() + " at position " + event.position()
					+ " returned, but the transaction was marked rollback-only (a failure it caught in a "
					+ "transactional call)", null, false, false);
		}

	}

	/** Another instance took the lease, or the subscription was reset, while a batch was in flight. */
	private static final class CheckpointMovedException extends RuntimeException {

		CheckpointMovedException() {
			super("the checkpoint moved under the batch", null, false, false);
		}

	}

}
