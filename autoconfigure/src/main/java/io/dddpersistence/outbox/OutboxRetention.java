package io.dddpersistence.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Deletes published messages older than the retention period, on a schedule, in bounded batches
 * (see {@link OutboxAdmin#purgePublishedBefore}). With the cdc relay it deletes every message written
 * before the period, pending or not: the connector has read them from the log, and nothing else will
 * publish them. Several instances may run it at once: each batch deletes whatever is left.
 */
class OutboxRetention implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxRetention.class);

	private final OutboxAdmin admin;

	private final Duration keepPublished;

	private final Duration interval;

	private final Clock clock;

	private final boolean byAge;

	private volatile @Nullable ScheduledExecutorService scheduler;

	OutboxRetention(OutboxAdmin admin, OutboxProperties.Retention settings, OutboxProperties.Relay relay,
			Clock clock) {
		this.admin = admin;
		this.keepPublished = settings.keepPublished();
		this.interval = settings.interval();
		this.byAge = relay == OutboxProperties.Relay.CDC;
		this.clock = clock;
	}

	/** Purges now; returns how many messages were deleted. */
	long purge() {
		Instant cutoff = this.clock.instant().minus(this.keepPublished);
		return this.byAge ? this.admin.purgeWrittenBefore(cutoff) : this.admin.purgePublishedBefore(cutoff);
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "outbox-retention");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(this::purgeQuietly, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
		this.scheduler = scheduler;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	private void purgeQuietly() {
		try {
			long purged = purge();
			if (purged > 0 && logger.isDebugEnabled()) {
				logger.debug("Purged " + purged + " outbox messages");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox retention failed; trying again in " + this.interval + ": " + ex.getMessage());
		}
	}

}
