package io.dddpersistence.eventstore;

import java.util.List;

/**
 * Told about every append inside its transaction, right after the events are inserted: whatever it
 * writes commits or rolls back with them. How appended events reach the outbox.
 */
@FunctionalInterface
public interface AppendListener {

	/**
	 * @param firstVersion the version the store gave the first event; the others follow in order
	 * @param events the appended events, in order
	 */
	void appended(long firstVersion, List<NewEvent> events);

}
