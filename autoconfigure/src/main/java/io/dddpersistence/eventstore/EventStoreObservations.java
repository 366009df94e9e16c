package io.dddpersistence.eventstore;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.error.UniqueConstraintViolationException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The event store's observations, kept out of the store and the subscriptions. With
 * {@link ObservationRegistry#NOOP} every method runs the work as it is.
 */
final class EventStoreObservations {

	static final EventStoreObservations NOOP = new EventStoreObservations(ObservationRegistry.NOOP, null, null);

	private final ObservationRegistry registry;

	private final @Nullable EventAppendObservationConvention appendConvention;

	private final @Nullable ProjectionObservationConvention projectionConvention;

	/** Observations in {@code registry} named and tagged by the given conventions ({@code null}: the defaults). */
	EventStoreObservations(ObservationRegistry registry, @Nullable EventAppendObservationConvention appendConvention,
			@Nullable ProjectionObservationConvention projectionConvention) {
		this.registry = registry;
		this.appendConvention = appendConvention;
		this.projectionConvention = projectionConvention;
	}

	/** Runs an append of {@code events} as an {@link EventStoreObservation#APPEND} observation, in its scope. */
	long append(List<NewEvent> events, LongSupplier work) {
		if (this.registry.isNoop()) {
			return work.getAsLong();
		}
		EventAppendContext context = new EventAppendContext(events);
		Observation observation = EventStoreObservation.APPEND
			.observation(this.appendConvention, EventAppendObservationConvention.Default.INSTANCE, () -> context,
					this.registry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			return work.getAsLong();
		}
		catch (RuntimeException ex) {
			boolean conflict = ex instanceof OptimisticConcurrencyException || ex instanceof UniqueConstraintViolationException;
			context.setOutcome(conflict ? "conflict" : "error");
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/** Runs a projection's handling of a batch of {@code events} events as an {@link EventStoreObservation#PROJECTION} observation. */
	<T> T projection(String projection, int events, Supplier<T> work) {
		if (this.registry.isNoop()) {
			return work.get();
		}
		Observation observation = EventStoreObservation.PROJECTION
			.observation(this.projectionConvention, ProjectionObservationConvention.Default.INSTANCE,
					() -> new ProjectionContext(projection, events), this.registry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			return work.get();
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

}
