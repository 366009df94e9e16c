package io.dddpersistence.outbox;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (version 7 layout): consecutive messages land next to each other in the
 * primary key index instead of at random pages, which keeps inserts and purges cheap.
 */
final class MessageIds {

	private MessageIds() {
	}

	static UUID next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long millis = System.currentTimeMillis();
		long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

}
