package io.dddpersistence.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds one {@link Projection} from the event store, in the store's global order, on a thread of
 * its own. Each batch is read, handled and checkpointed in one transaction. Across instances of
 * the application only the holder of the subscription's lease processes; the others wait and
 * take over when the holder stops renewing it. The checkpoint is moved with a compare-and-set on
 * the old value, so a holder that lost its lease cannot commit a batch twice.
 */
public class CatchUpSubscription {

	private static final Log logger = LogFactory.getLog(CatchUpSubscription.class);

	private final Projection projection;

	private final EventStore store;

	private final EventSerializer serializer;

	private final CheckpointStore checkpoints;

	private final TransactionTemplate transactions;

	private final SubscriptionSettings settings;

	private final String owner;

	private final Object monitor = new Object();

	private volatile boolean running;

	private @Nullable Thread worker;

	private volatile @Nullable GlobalPosition checkpoint;

	private long leaseRenewedAt;

	private @Nullable StoredEvent current;

	private long failingPosition = -1;

	private int attemptsAtFailingEvent;

	private volatile int consecutiveFailures;

	private volatile @Nullable String lastError;

	private volatile boolean crashed;

	private final AtomicLong handled = new AtomicLong();

	private final AtomicLong parked = new AtomicLong();

	/**
	 * @param owner identifies this application instance in the lease, e.g. host name and a random suffix
	 */
	public CatchUpSubscription(Projection projection, EventStore store, EventSerializer serializer, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, SubscriptionSettings settings, String owner) {
		this.projection = projection;
		this.store = store;
		this.serializer = serializer;
		this.checkpoints = new CheckpointStore(jdbc, store.sql());
		this.transactions = new TransactionTemplate(transactionManager);
		this.settings = settings;
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
	 * Clears the projection ({@link Projection#reset()}) and sets the checkpoint back to the start,
	 * in one transaction, so that the holder rebuilds the read model from position 0. A batch in
	 * flight on any instance cannot commit past the reset.
	 */
	public void reset() {
		this.transactions.executeWithoutResult((status) -> {
			this.checkpoints.ensure(name());
			this.checkpoints.rewind(name());
			this.projection.reset();
		});
		this.checkpoint = null;
		synchronized (this.monitor) {
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
				Duration pause = step();
				if (!pause.isZero()) {
					pause(pause);
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
				Optional<GlobalPosition> leased = this.checkpoints.lease(name(), this.owner,
						this.settings.leaseDuration());
				this.checkpoint = leased.orElse(null);
				if (leased.isEmpty()) {
					return this.settings.pollInterval();
				}
				this.leaseRenewedAt = System.nanoTime();
			}
			int count = processBatch();
			this.consecutiveFailures = 0;
			this.lastError = null;
			return (count >= this.settings.batchSize()) ? Duration.ZERO : this.settings.pollInterval();
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

	private int processBatch() {
		GlobalPosition from = this.checkpoint;
		if (from == null) {
			return 0;
		}
		int[] parkedNow = new int[1];
		List<StoredEvent> events = this.transactions.execute((status) -> {
			List<StoredEvent> batch = this.store.readAfter(from, this.settings.batchSize());
			if (batch.isEmpty()) {
				return batch;
			}
			for (StoredEvent event : batch) {
				this.current = event;
				if (event.position() == this.failingPosition
						&& this.attemptsAtFailingEvent >= this.settings.maxAttempts()) {
					this.checkpoints.park(name(), event, String.valueOf(this.lastError), this.attemptsAtFailingEvent);
					parkedNow[0]++;
				}
				else {
					this.serializer.record(event).ifPresent(this.projection::handle);
				}
			}
			this.current = null;
			StoredEvent last = batch.get(batch.size() - 1);
			if (!this.checkpoints.advance(name(), this.owner, from, last.globalPosition(), last.occurredAt(),
					this.settings.leaseDuration())) {
				throw new CheckpointMovedException();
			}
			return batch;
		});
		if (events == null || events.isEmpty()) {
			return 0;
		}
		this.checkpoint = events.get(events.size() - 1).globalPosition();
		this.leaseRenewedAt = System.nanoTime();
		this.handled.addAndGet(events.size() - parkedNow[0]);
		if (parkedNow[0] > 0) {
			this.parked.addAndGet(parkedNow[0]);
			logger.warn("Subscription '" + name() + "' parked the event at position " + this.failingPosition
					+ " after " + this.attemptsAtFailingEvent + " attempts: " + this.lastError);
		}
		this.failingPosition = -1;
		this.attemptsAtFailingEvent = 0;
		return events.size();
	}

	private Duration failed(RuntimeException ex) {
		StoredEvent event = this.current;
		this.current = null;
		this.consecutiveFailures++;
		this.lastError = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		boolean infrastructure = ex instanceof TransientDataAccessException
				|| ex instanceof DataAccessResourceFailureException;
		if (event != null && !infrastructure) {
			if (event.position() == this.failingPosition) {
				this.attemptsAtFailingEvent++;
			}
			else {
				this.failingPosition = event.position();
				this.attemptsAtFailingEvent = 1;
			}
			logger.warn("Subscription '" + name() + "' failed at position " + event.position() + " ("
					+ event.eventType() + "), attempt " + this.attemptsAtFailingEvent + " of "
					+ this.settings.maxAttempts() + ": " + ex.getMessage());
		}
		else {
			logger.warn("Subscription '" + name() + "' could not read or checkpoint; retrying: " + ex.getMessage());
		}
		long backoff = this.settings.initialBackoff().toMillis()
				<< Math.min(20, Math.max(0, this.consecutiveFailures - 1));
		return Duration.ofMillis(Math.min(backoff, this.settings.maxBackoff().toMillis()));
	}

	private void pause(Duration duration) {
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			try {
				this.monitor.wait(Math.max(1, duration.toMillis()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
		}
	}

	/** Another instance took the lease, or the subscription was reset, while a batch was in flight. */
	private static final class CheckpointMovedException extends RuntimeException {

		CheckpointMovedException() {
			super("the checkpoint moved under the batch", null, false, false);
		}

	}

}
