package io.dddpersistence.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The outbox's observations and trace headers, kept out of the writer and the poller. With
 * {@link ObservationRegistry#NOOP} every method runs the work as it is: no context, no copy of a
 * message.
 */
final class OutboxObservations {

	static final OutboxObservations NOOP = new OutboxObservations(ObservationRegistry.NOOP, TraceHeaders.NONE,
			null, null, null);

	private final ObservationRegistry registry;

	private final TraceHeaders traces;

	private final @Nullable OutboxWriteObservationConvention writeConvention;

	private final @Nullable OutboxClaimObservationConvention claimConvention;

	private final @Nullable OutboxPublishObservationConvention publishConvention;

	/** Observations in {@code registry} named and tagged by the given conventions ({@code null}: the defaults). */
	OutboxObservations(ObservationRegistry registry, TraceHeaders traces,
			@Nullable OutboxWriteObservationConvention writeConvention,
			@Nullable OutboxClaimObservationConvention claimConvention,
			@Nullable OutboxPublishObservationConvention publishConvention) {
		this.registry = registry;
		this.traces = traces;
		this.writeConvention = writeConvention;
		this.claimConvention = claimConvention;
		this.publishConvention = publishConvention;
	}

	/** Runs a write of {@code messages} as a {@link OutboxObservation#WRITE} observation, in its scope. */
	List<UUID> write(Collection<OutboundMessage> messages, Supplier<List<UUID>> work) {
		if (this.registry.isNoop()) {
			return work.get();
		}
		Observation observation = OutboxObservation.WRITE
			.observation(this.writeConvention, OutboxWriteObservationConvention.Default.INSTANCE,
					() -> new OutboxWriteContext(messages), this.registry)
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

	/**
	 * The headers of a message written now: the current trace context, then the message's own
	 * (which win).
	 */
	Map<String, String> headers(OutboundMessage message) {
		Map<String, String> trace = this.traces.current();
		if (trace.isEmpty()) {
			return message.headers();
		}
		Map<String, String> headers = new LinkedHashMap<>(trace);
		headers.putAll(message.headers());
		return headers;
	}

	/** Runs a poller's claim as a {@link OutboxObservation#CLAIM} observation. */
	List<OutboxMessage> claim(String pollerId, boolean ordered, Supplier<List<OutboxMessage>> work) {
		if (this.registry.isNoop()) {
			return work.get();
		}
		OutboxClaimContext context = new OutboxClaimContext(pollerId, ordered);
		Observation observation = OutboxObservation.CLAIM
			.observation(this.claimConvention, OutboxClaimObservationConvention.Default.INSTANCE, () -> context,
					this.registry)
			.start();
		try {
			List<OutboxMessage> claimed = work.get();
			context.setClaimed(claimed.size());
			return claimed;
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Starts one {@link OutboxObservation#PUBLISH} observation per message, each the child of the
	 * trace context stored with its message; the returned batch carries each publication's headers
	 * for the broker.
	 */
	Publication publishing(List<OutboxMessage> batch, OutboxPublisher publisher) {
		if (this.registry.isNoop()) {
			return new Publication(batch, List.of(), List.of());
		}
		String publisherName = nameOf(publisher);
		List<OutboxMessage> sent = new ArrayList<>(batch.size());
		List<Observation> observations = new ArrayList<>(batch.size());
		List<OutboxPublishContext> contexts = new ArrayList<>(batch.size());
		for (OutboxMessage message : batch) {
			OutboxPublishContext context = new OutboxPublishContext(message, publisherName);
			Observation observation = OutboxObservation.PUBLISH.observation(this.publishConvention,
					OutboxPublishObservationConvention.Default.INSTANCE, () -> context, this.registry);
			try (TraceHeaders.Restored parent = this.traces.restore(message.headers())) {
				observation.start();
			}
			observations.add(observation);
			contexts.add(context);
			Map<String, String> headers = context.getCarrier();
			sent.add((headers == null || headers.equals(message.headers())) ? message : withHeaders(message, headers));
		}
		return new Publication(sent, observations, contexts);
	}

	/** The publisher's tag: the library's by name, an application's by class. */
	static String nameOf(OutboxPublisher publisher) {
		if (publisher instanceof InProcessOutboxPublisher) {
			return "in-process";
		}
		if (publisher instanceof RabbitOutboxPublisher) {
			return "rabbitmq";
		}
		if (publisher instanceof KafkaOutboxPublisher) {
			return "kafka";
		}
		return publisher.getClass().getSimpleName();
	}

	private static OutboxMessage withHeaders(OutboxMessage message, Map<String, String> headers) {
		return new OutboxMessage(message.id(), message.aggregateType(), message.aggregateId(), message.eventType(),
				message.destination(), message.key(), headers, message.payload(), message.status(),
				message.attempts(), message.lastError(), message.createdAt(), message.publishedAt());
	}

	/** A batch on its way to the publisher, with the observations to stop once it returned. */
	static final class Publication {

		private final List<OutboxMessage> batch;

		private final List<Observation> observations;

		private final List<OutboxPublishContext> contexts;

		private Publication(List<OutboxMessage> batch, List<Observation> observations,
				List<OutboxPublishContext> contexts) {
			this.batch = batch;
			this.observations = observations;
			this.contexts = contexts;
		}

		/** The messages to hand to the publisher, with the headers to send. */
		List<OutboxMessage> batch() {
			return this.batch;
		}

		/** Stops every observation with its message's outcome. */
		void stop(List<OutboxPublisher.PublishFailure> failures, @Nullable RuntimeException outage) {
			if (this.observations.isEmpty()) {
				return;
			}
			Set<UUID> failed = new HashSet<>();
			for (OutboxPublisher.PublishFailure failure : failures) {
				failed.add(failure.message().id());
			}
			for (int i = 0; i < this.observations.size(); i++) {
				Observation observation = this.observations.get(i);
				OutboxPublishContext context = this.contexts.get(i);
				if (outage != null) {
					context.setOutcome("unavailable");
					observation.error(outage);
				}
				else if (failed.contains(context.getMessage().id())) {
					context.setOutcome("failed");
				}
				observation.stop();
			}
		}

	}

}
