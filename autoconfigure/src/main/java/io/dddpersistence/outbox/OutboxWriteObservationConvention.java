package io.dddpersistence.outbox;

import io.dddpersistence.outbox.OutboxObservation.OutboxKeys;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags an {@link OutboxObservation#WRITE} observation. The defaults are written here; a
 * bean of this type replaces them (override what differs).
 */
public interface OutboxWriteObservationConvention extends ObservationConvention<OutboxWriteContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof OutboxWriteContext;
	}

	@Override
	default String getName() {
		return "ddd.outbox.write";
	}

	@Override
	default String getContextualName(OutboxWriteContext context) {
		return "outbox write";
	}

	@Override
	default KeyValues getLowCardinalityKeyValues(OutboxWriteContext context) {
		String destination = context.getDestination();
		return KeyValues.of(OutboxKeys.DESTINATION.withValue((destination != null) ? destination : "default"));
	}

	@Override
	default KeyValues getHighCardinalityKeyValues(OutboxWriteContext context) {
		return KeyValues.of(OutboxKeys.MESSAGES.withValue(String.valueOf(context.getMessages().size())));
	}

	/** The convention as written in this interface. */
	final class Default implements OutboxWriteObservationConvention {

		static final Default INSTANCE = new Default();

	}

}
