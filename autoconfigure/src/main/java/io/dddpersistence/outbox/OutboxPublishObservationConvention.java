package io.dddpersistence.outbox;

import io.dddpersistence.outbox.OutboxObservation.OutboxKeys;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags an {@link OutboxObservation#PUBLISH} observation. The defaults are written here; a
 * bean of this type replaces them (override what differs). Keep the low-cardinality tags few:
 * each combination is a timer.
 */
public interface OutboxPublishObservationConvention extends ObservationConvention<OutboxPublishContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof OutboxPublishContext;
	}

	@Override
	default String getName() {
		return "ddd.outbox.publish";
	}

	@Override
	default String getContextualName(OutboxPublishContext context) {
		String destination = context.getMessage().destination();
		return ((destination != null) ? destination : "default") + " publish";
	}

	@Override
	default KeyValues getLowCardinalityKeyValues(OutboxPublishContext context) {
		String destination = context.getMessage().destination();
		return KeyValues.of(OutboxKeys.DESTINATION.withValue((destination != null) ? destination : "default"),
				OutboxKeys.PUBLISHER.withValue(context.getPublisher()),
				OutboxKeys.OUTCOME.withValue(context.getOutcome()));
	}

	@Override
	default KeyValues getHighCardinalityKeyValues(OutboxPublishContext context) {
		return KeyValues.of(OutboxKeys.MESSAGE_ID.withValue(context.getMessage().id().toString()),
				OutboxKeys.EVENT_TYPE.withValue(context.getMessage().eventType()));
	}

	/** The convention as written in this interface. */
	final class Default implements OutboxPublishObservationConvention {

		static final Default INSTANCE = new Default();

	}

}
