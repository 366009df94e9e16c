package io.dddpersistence.docs.eventstore;

import java.util.List;

import io.dddpersistence.eventstore.EventStore;
import io.dddpersistence.eventstore.NewEvent;

/** Appends the events of one order decision, based on the version the decision was made at. */
class OrderEventWriter {

	private final EventStore store;

	OrderEventWriter(EventStore store) {
		this.store = store;
	}

	long write(long expectedVersion, List<NewEvent> events) {
		// snippet-start
		long version = store.appendBatch(expectedVersion, events); // all events of one aggregate
		// snippet-end
		return version;
	}

}
