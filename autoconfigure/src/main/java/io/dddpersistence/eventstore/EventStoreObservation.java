package io.dddpersistence.eventstore;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations the event store makes: an append, and a projection handling a batch of events.
 * With Micrometer Tracing each one is a span, with a meter registry a timer. Their names and tags
 * come from the conventions, which a bean of the convention's type replaces.
 */
public enum EventStoreObservation implements ObservationDocumentation {

	/** {@link EventStore#appendBatch} (and {@link EventStore#append}): the insert and its version check. */
	APPEND {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return EventAppendObservationConvention.Default.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { EventStoreKeys.AGGREGATE_TYPE, EventStoreKeys.OUTCOME };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { EventStoreKeys.AGGREGATE_ID, EventStoreKeys.EVENTS };
		}
	},

	/**
	 * A projection's subscription handling one batch of events and moving its checkpoint, in one
	 * transaction. Rounds that read nothing are not observed.
	 */
	PROJECTION {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return ProjectionObservationConvention.Default.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { EventStoreKeys.PROJECTION };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { EventStoreKeys.EVENTS };
		}
	};

	/** The tags of the event store's observations. */
	public enum EventStoreKeys implements KeyName {

		/** The aggregate's type name. */
		AGGREGATE_TYPE("aggregate.type"),

		/** The aggregate's id. */
		AGGREGATE_ID("aggregate.id"),

		/** {@code appended}, {@code conflict} (another version or an event id appended before) or {@code error}. */
		OUTCOME("outcome"),

		/** The projection's name. */
		PROJECTION("projection"),

		/** How many events were appended, or read by the batch. */
		EVENTS("events");

		private final String name;

		EventStoreKeys(String name) {
			this.name = name;
		}

		@Override
		public String asString() {
			return this.name;
		}

	}

}
