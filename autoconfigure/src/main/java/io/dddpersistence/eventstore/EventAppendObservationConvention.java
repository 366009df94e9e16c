package io.dddpersistence.eventstore;

import io.dddpersistence.eventstore.EventStoreObservation.EventStoreKeys;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags an {@link EventStoreObservation#APPEND} observation. The defaults are written here;
 * a bean of this type replaces them (override what differs).
 */
public interface EventAppendObservationConvention extends ObservationConvention<EventAppendContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof EventAppendContext;
	}

	@Override
	default String getName() {
		return "ddd.eventstore.append";
	}

	@Override
	default String getContextualName(EventAppendContext context) {
		return context.getEvents().get(0).aggregateType() + " append";
	}

	@Override
	default KeyValues getLowCardinalityKeyValues(EventAppendContext context) {
		return KeyValues.of(EventStoreKeys.AGGREGATE_TYPE.withValue(context.getEvents().get(0).aggregateType()),
				EventStoreKeys.OUTCOME.withValue(context.getOutcome()));
	}

	@Override
	default KeyValues getHighCardinalityKeyValues(EventAppendContext context) {
		return KeyValues.of(EventStoreKeys.AGGREGATE_ID.withValue(context.getEvents().get(0).aggregateId()),
				EventStoreKeys.EVENTS.withValue(String.valueOf(context.getEvents().size())));
	}

	/** The convention as written in this interface. */
	final class Default implements EventAppendObservationConvention {

		static final Default INSTANCE = new Default();

	}

}
