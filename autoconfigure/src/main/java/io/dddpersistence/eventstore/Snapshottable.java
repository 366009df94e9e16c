package io.dddpersistence.eventstore;

/**
 * Implemented by an {@link EventSourcedAggregate} that can be loaded from a snapshot of its state
 * plus the events after it, instead of all its events. Raise {@link #snapshotSchemaVersion()}
 * whenever the snapshot's shape or meaning changes: older snapshots are then ignored (the
 * aggregate is replayed from its events) and replaced at the next snapshot.
 *
 * @param <S> the snapshot's type, written as JSON
 */
public interface Snapshottable<S> {

	Class<S> snapshotType();

	/** The version of the snapshot's shape; snapshots of another version are not used. */
	default int snapshotSchemaVersion() {
		return 1;
	}

	/** The state as of {@link EventSourcedAggregate#version()}, including no uncommitted event. */
	S takeSnapshot();

	/** Sets the state from a snapshot, on a freshly created aggregate. */
	void restoreSnapshot(S snapshot);

}
