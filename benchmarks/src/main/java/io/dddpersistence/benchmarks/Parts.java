package io.dddpersistence.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * The parts of a suite to run: {@code benchmarks/run SUITE [PART,...]} (for example
 * {@code benchmarks/run outbox latency}); every part when none is named.
 */
public final class Parts {

	static final String PROPERTY = "ddd.benchmarks.parts";

	private Parts() {
	}

	/** Whether the named part of the running suite is to run. */
	public static boolean includes(String part) {
		String parts = System.getProperty(PROPERTY, "");
		return parts.isBlank() || Arrays.stream(parts.split(","))
			.map((name) -> name.trim().toLowerCase(Locale.ROOT))
			.anyMatch(part::equals);
	}

}
