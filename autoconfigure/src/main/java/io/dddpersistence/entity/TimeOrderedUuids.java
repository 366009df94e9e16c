package io.dddpersistence.entity;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs in the version 7 layout (RFC 9562): 48 bits of Unix milliseconds, then random
 * bits. Rows keyed by them land next to each other at the right edge of a B-tree index instead of
 * on random pages, which keeps inserts (and purges of old rows) cheap: the outbox's message ids
 * and the event store's event ids are made here.
 */
public final class TimeOrderedUuids {

	private TimeOrderedUuids() {
	}

	/** A new version 7 UUID; ids made in a later millisecond sort after it. */
	public static UUID next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long millis = System.currentTimeMillis();
		long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	/**
	 * The smallest id {@link #next()} makes in the millisecond of {@code instant}: every id made in an
	 * earlier millisecond sorts before it (in PostgreSQL's and H2's uuid order too), so {@code id < first(t)}
	 * selects rows keyed before {@code t} on the primary key alone.
	 */
	public static UUID first(Instant instant) {
		return new UUID((instant.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L);
	}

}
