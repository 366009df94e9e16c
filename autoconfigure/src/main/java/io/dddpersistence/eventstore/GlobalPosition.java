package io.dddpersistence.eventstore;

/**
 * A place in the global order of the store, which is the order of the appending transactions and,
 * within one transaction, the order of positions. Readers keep one of these as their checkpoint.
 * The position alone is not enough: a transaction that took a lower position may commit after one
 * that took a higher position, and is then read after it (see docs/event-store.md). On H2, where
 * appends are serialized and positions follow commit order, the transaction part is always 0.
 *
 * @param transactionId the appending transaction's id ({@code xid8}) on PostgreSQL, 0 before the
 * first event and 0 for every event on H2
 * @param position the global position of the last event read, 0 before the first event
 */
public record GlobalPosition(long transactionId, long position) implements Comparable<GlobalPosition> {

	/** Before the first event: reading after it reads everything. */
	public static final GlobalPosition START = new GlobalPosition(0, 0);

	public GlobalPosition {
		if (transactionId < 0 || position < 0) {
			throw new IllegalArgumentException(
					"A global position is never negative, got (" + transactionId + ", " + position + ")");
		}
	}

	@Override
	public int compareTo(GlobalPosition other) {
		int byTransaction = Long.compare(this.transactionId, other.transactionId);
		return (byTransaction != 0) ? byTransaction : Long.compare(this.position, other.position);
	}

	@Override
	public String toString() {
		return this.transactionId + "/" + this.position;
	}

}
