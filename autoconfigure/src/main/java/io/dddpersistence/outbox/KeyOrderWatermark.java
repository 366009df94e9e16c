package io.dddpersistence.outbox;

import org.jspecify.annotations.Nullable;

/**
 * How far an ordered claim may take the heads of keys, on a database that shows its running
 * transactions (PostgreSQL). A message gets its {@code seq} when its row is inserted, but other
 * transactions see the row only once it commits: a claim that only looked for an older unpublished
 * row of the key would miss one whose transaction is still open, and publish the newer message
 * first. So a poller waits for a watermark: S, the highest seq allocated so far, then X, a
 * transaction id taken after reading S. Every writer holding a seq up to S took its transaction id
 * before its seq (the insert sees to that), so before X; once the oldest transaction still running
 * is newer than X, they have all ended, and every row up to S is visible or rolled back for good.
 * Heads of keys up to S are then claimable, and the next watermark is taken.
 * <p>
 * One watermark is waited for at a time: a round reads the sequence when none is pending (and
 * takes a transaction id only when the sequence moved), and checks the pending one with one small
 * query. A transaction that stays open anywhere on the database server holds every watermark, so
 * keyed messages wait for it to end; messages without a key never wait.
 */
final class KeyOrderWatermark {

	private final OutboxTable table;

	private long passed;

	private @Nullable Pending pending;

	KeyOrderWatermark(OutboxTable table) {
		this.table = table;
	}

	/** Advances the watermark if it can, and returns the highest seq whose key heads may be claimed. */
	synchronized long claimableUpTo() {
		if (!this.table.seesRunningTransactions()) {
			return Long.MAX_VALUE;
		}
		if (this.pending == null) {
			Allocated allocated = this.table.allocatedSeq(this.passed);
			if (allocated.seq() < this.passed) {
				// the sequence was restarted: nothing above the new values is known to be settled
				this.passed = 0;
			}
			Long transactionAfter = allocated.transactionAfter();
			if (transactionAfter != null) {
				this.pending = new Pending(allocated.seq(), transactionAfter);
			}
		}
		Pending pending = this.pending;
		if (pending != null && this.table.oldestRunningTransaction() > pending.transactionAfter()) {
			this.passed = pending.seq();
			this.pending = null;
		}
		return this.passed;
	}

	/** The highest seq allocated, and a transaction id taken after it was read (null if it had not moved). */
	record Allocated(long seq, @Nullable Long transactionAfter) {
	}

	private record Pending(long seq, long transactionAfter) {
	}

}
