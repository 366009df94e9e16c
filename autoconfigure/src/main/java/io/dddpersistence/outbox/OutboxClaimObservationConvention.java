package io.dddpersistence.outbox;

import io.dddpersistence.outbox.OutboxObservation.OutboxKeys;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags an {@link OutboxObservation#CLAIM} observation. The defaults are written here; a
 * bean of this type replaces them (override what differs).
 */
public interface OutboxClaimObservationConvention extends ObservationConvention<OutboxClaimContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof OutboxClaimContext;
	}

	@Override
	default String getName() {
		return "ddd.outbox.claim";
	}

	@Override
	default String getContextualName(OutboxClaimContext context) {
		return "outbox claim";
	}

	@Override
	default KeyValues getLowCardinalityKeyValues(OutboxClaimContext context) {
		return KeyValues.of(OutboxKeys.ORDERED.withValue(String.valueOf(context.isOrdered())));
	}

	@Override
	default KeyValues getHighCardinalityKeyValues(OutboxClaimContext context) {
		return KeyValues.of(OutboxKeys.POLLER.withValue(context.getPollerId()),
				OutboxKeys.MESSAGES.withValue(String.valueOf(context.getClaimed())));
	}

	/** The convention as written in this interface. */
	final class Default implements OutboxClaimObservationConvention {

		static final Default INSTANCE = new Default();

	}

}
