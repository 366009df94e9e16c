package io.dddpersistence.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.IntUnaryOperator;

import javax.sql.DataSource;

import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.vendor.DatabaseVendors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operations on the outbox: the backlog, dead messages and their resubmission, and retention.
 * Everything works in bounded batches of short transactions, so that a large backlog is never
 * loaded into memory nor locked at once.
 */
public class OutboxAdmin {

	private final OutboxTable table;

	private final int batchSize;

	/** Operations on the outbox table behind the data source, whose vendor they read on first use. */
	public OutboxAdmin(DataSource dataSource, JsonMapper json, int batchSize) {
		this(dataSource, json, batchSize, new DatabaseVendors(), LibraryTables.DEFAULT);
	}

	OutboxAdmin(DataSource dataSource, JsonMapper json, int batchSize, DatabaseVendors vendors, LibraryTables tables) {
		if (batchSize <= 0) {
			throw new IllegalArgumentException("batchSize must be positive but was " + batchSize);
		}
		this.table = new OutboxTable(dataSource, json, vendors, tables);
		this.batchSize = batchSize;
	}

	/** What is waiting now. */
	public OutboxBacklog backlog() {
		return this.table.backlog();
	}

	/**
	 * One page of dead messages, by id.
	 * @param after the last id of the previous page, {@code null} for the first page
	 * @param limit the page size, at most the admin's batch size
	 */
	public List<OutboxMessage> deadMessages(@Nullable UUID after, int limit) {
		return this.table.dead(after, Math.max(1, Math.min(limit, this.batchSize)));
	}

	/**
	 * Makes the given dead messages pending again, with their attempts reset; ids of messages that
	 * are not dead are ignored. Returns how many were resubmitted.
	 */
	public int resubmit(Collection<UUID> ids) {
		List<UUID> all = new ArrayList<>(ids);
		int resubmitted = 0;
		for (int from = 0; from < all.size(); from += this.batchSize) {
			resubmitted += this.table.resubmit(all.subList(from, Math.min(all.size(), from + this.batchSize)));
		}
		return resubmitted;
	}

	/** Makes every dead message pending again, one batch per transaction; returns how many. */
	public long resubmitAllDead() {
		return inBatches(this.table::resubmitNextDead);
	}

	/** Deletes messages published before {@code cutoff}, one batch per transaction; returns how many. */
	public long purgePublishedBefore(Instant cutoff) {
		return inBatches((limit) -> this.table.purgePublishedBefore(cutoff, limit));
	}

	/**
	 * Deletes every message written before {@code cutoff}, published or not, one batch per
	 * transaction; returns how many. The retention of the cdc relay, where a change data capture
	 * engine has read the rows from the log and nothing else ever publishes them. Not public: with the
	 * poller it would delete messages before they are published.
	 */
	long purgeWrittenBefore(Instant cutoff) {
		return inBatches((limit) -> this.table.purgePendingWrittenBefore(cutoff, limit))
				+ purgePublishedBefore(cutoff);
	}

	private long inBatches(IntUnaryOperator batch) {
		long done = 0;
		int last;
		do {
			last = batch.applyAsInt(this.batchSize);
			done += last;
		}
		while (last == this.batchSize);
		return done;
	}

}
