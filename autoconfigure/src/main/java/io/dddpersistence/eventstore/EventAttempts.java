package io.dddpersistence.eventstore;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subscription's failed attempts, counted per event (keyed by position), and the events that
 * used up their attempts and wait to be parked. Counting per event means that two poison events in
 * a row each reach the limit, however their failures interleave. The counts live in the worker's
 * memory and are used by its thread alone: a restart or a take-over counts from zero again, while
 * a park, once written, is in the database for every instance.
 */
final class EventAttempts {

	private final int maxAttempts;

	private final Map<Long, Integer> failures = new HashMap<>();

	private final Map<Long, Park> due = new LinkedHashMap<>();

	EventAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	/** Counts a failed attempt at the event; returns the attempts it has had. */
	int failed(StoredEvent event, String error) {
		int attempts = this.failures.merge(event.position(), 1, Integer::sum);
		if (attempts >= this.maxAttempts) {
			this.due.put(event.position(), new Park(event, error, attempts));
		}
		return attempts;
	}

	boolean hasFailed(StoredEvent event) {
		return this.failures.containsKey(event.position());
	}

	/** The events to park before the next batch, in the order they failed. */
	List<Park> due() {
		return List.copyOf(this.due.values());
	}

	void parked(Park park) {
		this.due.remove(park.event().position());
		this.failures.remove(park.event().position());
	}

	/** The events of a committed batch are done with, handled or skipped. */
	void committed(List<StoredEvent> events) {
		for (StoredEvent event : events) {
			this.failures.remove(event.position());
			this.due.remove(event.position());
		}
	}

	/** Another instance may have moved on since the counts were taken. */
	void forget() {
		this.failures.clear();
		this.due.clear();
	}

	/** An event that failed {@code attempts} times, the last time with {@code error}. */
	record Park(StoredEvent event, String error, int attempts) {
	}

}
