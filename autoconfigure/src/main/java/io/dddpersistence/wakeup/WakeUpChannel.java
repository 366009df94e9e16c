package io.dddpersistence.wakeup;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A named wake-up between the writers of one kind of row and the components that relay those rows:
 * the outbox's writer and pollers, the event store and its catch-up subscriptions. A writer calls
 * {@link #wakeAfterCommit()} in its transaction; once that transaction commits (never on rollback),
 * every subscriber of this process is woken, once per transaction however many rows it wrote, and,
 * on PostgreSQL with the listener of {@link WakeUpConfiguration} running, the other instances
 * listening on the same channel are notified. A subscriber only shortens a wait: it polls again at
 * once, and its poll interval stays the safety net for a wake-up that never comes.
 */
public final class WakeUpChannel {

	private static final Log logger = LogFactory.getLog(WakeUpChannel.class);

	/** What a channel name must look like: a PostgreSQL identifier as {@code LISTEN} reads it unquoted. */
	public static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final String name;

	private final boolean enabled;

	private final List<Runnable> subscribers = new CopyOnWriteArrayList<>();

	private volatile @Nullable Runnable relay;

	private WakeUpChannel(String name, boolean enabled) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("A wake-up channel is named like a lower-case SQL identifier ("
					+ NAME.pattern() + "), not '" + name + "'");
		}
		this.name = name;
		this.enabled = enabled;
	}

	/** A channel that wakes its subscribers after each committing write. */
	public static WakeUpChannel named(String name) {
		return new WakeUpChannel(name, true);
	}

	/** A channel that never wakes anyone: its subscribers wait for their poll interval. */
	public static WakeUpChannel disabled(String name) {
		return new WakeUpChannel(name, false);
	}

	/** The channel's name, also its {@code LISTEN}/{@code NOTIFY} channel on PostgreSQL. */
	public String name() {
		return this.name;
	}

	/** Whether writes wake anyone at all. */
	public boolean isEnabled() {
		return this.enabled;
	}

	/** Adds a wake-up; it must return quickly (it runs on the committing thread). */
	public void subscribe(Runnable wakeUp) {
		this.subscribers.add(wakeUp);
	}

	public void unsubscribe(Runnable wakeUp) {
		this.subscribers.remove(wakeUp);
	}

	/**
	 * Called by a writer that just wrote rows: inside a transaction with synchronization, wakes once
	 * that transaction commits (registered once per transaction; a rollback wakes nobody); outside
	 * one, the write is committed already and wakes now.
	 */
	public void wakeAfterCommit() {
		if (!this.enabled) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			committed();
			return;
		}
		if (TransactionSynchronizationManager.hasResource(this)) {
			return;
		}
		AfterCommit wakeUp = new AfterCommit();
		TransactionSynchronizationManager.bindResource(this, wakeUp);
		TransactionSynchronizationManager.registerSynchronization(wakeUp);
	}

	/** A write on this channel committed: wakes this process and, when relayed, the other instances. */
	public void committed() {
		if (!this.enabled) {
			return;
		}
		wakeLocally();
		Runnable relay = this.relay;
		if (relay != null) {
			relay.run();
		}
	}

	/** Wakes the subscribers of this process only (a notification from another instance). */
	void wakeLocally() {
		for (Runnable subscriber : this.subscribers) {
			try {
				subscriber.run();
			}
			catch (RuntimeException ex) {
				logger.warn("A wake-up on channel " + this.name + " failed; its subscriber waits for its poll "
						+ "interval: " + ex.getMessage());
			}
		}
	}

	/** Where committed writes are told to the other instances; null for nowhere. */
	void relayTo(@Nullable Runnable relay) {
		this.relay = relay;
	}

	@Override
	public String toString() {
		return "WakeUpChannel[" + this.name + (this.enabled ? "" : ", disabled") + "]";
	}

	/**
	 * The once-per-transaction wake-up, bound as a resource under the channel while its transaction
	 * is the current one, so that the second write of the transaction finds it.
	 */
	private final class AfterCommit implements TransactionSynchronization {

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResourceIfPossible(WakeUpChannel.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(WakeUpChannel.this, this);
		}

		@Override
		public void afterCommit() {
			committed();
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(WakeUpChannel.this);
		}

	}

}
