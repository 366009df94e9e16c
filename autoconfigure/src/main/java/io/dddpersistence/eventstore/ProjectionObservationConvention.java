package io.dddpersistence.eventstore;

import io.dddpersistence.eventstore.EventStoreObservation.EventStoreKeys;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags an {@link EventStoreObservation#PROJECTION} observation. The defaults are written
 * here; a bean of this type replaces them (override what differs).
 */
public interface ProjectionObservationConvention extends ObservationConvention<ProjectionContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ProjectionContext;
	}

	@Override
	default String getName() {
		return "ddd.eventstore.projection";
	}

	@Override
	default String getContextualName(ProjectionContext context) {
		return context.getProjection() + " handle";
	}

	@Override
	default KeyValues getLowCardinalityKeyValues(ProjectionContext context) {
		return KeyValues.of(EventStoreKeys.PROJECTION.withValue(context.getProjection()));
	}

	@Override
	default KeyValues getHighCardinalityKeyValues(ProjectionContext context) {
		return KeyValues.of(EventStoreKeys.EVENTS.withValue(String.valueOf(context.getEvents())));
	}

	/** The convention as written in this interface. */
	final class Default implements ProjectionObservationConvention {

		static final Default INSTANCE = new Default();

	}

}
