package io.dddpersistence.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.dddpersistence.error.OptimisticConcurrencyException;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads event-sourced aggregates of one type by replaying their events (from the latest usable
 * snapshot on) and saves the events they raised, checked against the version they were loaded at.
 * Obtain one from {@link EventSourcedRepositories}.
 *
 * @param <A> the aggregate type
 */
public class EventSourcedRepository<A extends EventSourcedAggregate> {

	private final EventStore store;

	private final EventSerializer serializer;

	private final SnapshotStore snapshots;

	private final TransactionTemplate transactions;

	private final String aggregateType;

	private final Function<String, A> factory;

	private final int snapshotEvery;

	EventSourcedRepository(EventStore store, EventSerializer serializer, SnapshotStore snapshots,
			PlatformTransactionManager transactionManager, String aggregateType, Function<String, A> factory,
			int snapshotEvery) {
		this.store = store;
		this.serializer = serializer;
		this.snapshots = snapshots;
		this.transactions = new TransactionTemplate(transactionManager);
		this.aggregateType = aggregateType;
		this.factory = factory;
		this.snapshotEvery = snapshotEvery;
		// learn the event classes from an instance, so that reads know them before any write
		serializer.register(List.copyOf(factory.apply("").handledEventClasses()));
	}

	/** The aggregate type name its events are stored under. */
	public String aggregateType() {
		return this.aggregateType;
	}

	/** A new, empty aggregate with the given id; saving it fails if the id is taken. */
	public A create(String id) {
		return this.factory.apply(id);
	}

	/** The aggregate rebuilt from its snapshot and events, or empty when it has no events. */
	public Optional<A> load(String id) {
		A aggregate = this.factory.apply(id);
		long from = restoreSnapshot(aggregate);
		List<StoredEvent> tail = this.store.readStream(this.aggregateType, id, from);
		if (tail.isEmpty() && from == 0) {
			return Optional.empty();
		}
		replay(aggregate, tail);
		return Optional.of(aggregate);
	}

	/** The aggregate rebuilt from all its events, ignoring snapshots (for checks and rebuilds). */
	public Optional<A> loadByFullReplay(String id) {
		List<StoredEvent> events = this.store.readStream(this.aggregateType, id);
		if (events.isEmpty()) {
			return Optional.empty();
		}
		A aggregate = this.factory.apply(id);
		replay(aggregate, events);
		return Optional.of(aggregate);
	}

	/**
	 * Appends the aggregate's uncommitted events, expecting it still to be at the version it was
	 * loaded at, and takes a snapshot when a multiple of the snapshot interval was crossed. Joins the
	 * caller's transaction; if that rolls back, discard the aggregate and load it again.
	 * @throws OptimisticConcurrencyException when the aggregate was changed since it was loaded
	 */
	public void save(A aggregate) {
		List<Object> events = aggregate.uncommittedEvents();
		if (events.isEmpty()) {
			return;
		}
		List<NewEvent> batch = new ArrayList<>(events.size());
		for (Object event : events) {
			batch.add(this.serializer.serialize(this.aggregateType, aggregate.id(), event));
		}
		long before = aggregate.version();
		if (!dueForSnapshot(aggregate, before, before + batch.size())) {
			// the append alone: it joins the caller's transaction, or is atomic on its own
			aggregate.markCommitted(this.store.appendBatch(before, batch));
			return;
		}
		long after = this.transactions.execute((status) -> {
			long newVersion = this.store.appendBatch(before, batch);
			Snapshottable<?> snapshottable = (Snapshottable<?>) aggregate;
			this.snapshots.save(this.aggregateType, aggregate.id(), newVersion, snapshottable.snapshotSchemaVersion(),
					this.serializer.toJson(snapshottable.takeSnapshot()));
			return newVersion;
		});
		aggregate.markCommitted(after);
	}

	private boolean dueForSnapshot(A aggregate, long before, long after) {
		return this.snapshotEvery > 0 && aggregate instanceof Snapshottable
				&& (after / this.snapshotEvery) > (before / this.snapshotEvery);
	}

	private long restoreSnapshot(A aggregate) {
		if (!(aggregate instanceof Snapshottable<?> snapshottable)) {
			return 0;
		}
		return this.snapshots.load(this.aggregateType, aggregate.id())
			.filter((snapshot) -> snapshot.schemaVersion() == snapshottable.snapshotSchemaVersion())
			.map((snapshot) -> {
				restore(snapshottable, snapshot.state());
				aggregate.restoredAt(snapshot.version());
				return snapshot.version();
			})
			.orElse(0L);
	}

	private <S> void restore(Snapshottable<S> snapshottable, String state) {
		snapshottable.restoreSnapshot(this.serializer.fromJson(state, snapshottable.snapshotType()));
	}

	private void replay(A aggregate, List<StoredEvent> events) {
		for (StoredEvent event : events) {
			this.serializer.deserialize(event).ifPresent((payload) -> aggregate.replay(payload, event.version()));
		}
		if (!events.isEmpty()) {
			aggregate.restoredAt(events.get(events.size() - 1).version());
		}
	}

}
