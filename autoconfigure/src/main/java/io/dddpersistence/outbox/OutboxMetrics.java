package io.dddpersistence.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters of the outbox, named as Micrometer recommends (dot-separated, units as base
 * units, not in the names): the counter {@code ddd.outbox.messages} tagged {@code destination},
 * {@code publisher}, {@code event.type} and {@code outcome} ({@code published}, {@code failed},
 * {@code dead}); the timer {@code ddd.outbox.publish.latency} from write to publication; and the
 * backlog gauges, which read the table at most once per {@code refresh}, whatever the scrape rate.
 * Destinations and event types are the application's, a bounded set; past {@link #MAX_TAG_VALUES}
 * distinct values of one tag, further ones are counted as {@code other} so that a mistake cannot
 * flood the registry.
 */
class OutboxMetrics implements OutboxObserver {

	/** Distinct values of the destination and of the event type tag before {@code other}. */
	static final int MAX_TAG_VALUES = 100;

	private final MeterRegistry registry;

	private final String publisher;

	private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

	private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

	private final Set<String> destinations = ConcurrentHashMap.newKeySet();

	private final Set<String> eventTypes = ConcurrentHashMap.newKeySet();

	private final OutboxAdmin admin;

	private final long refreshNanos;

	private volatile @Nullable Snapshot snapshot;

	/**
	 * @param publisher the {@code publisher} tag: the configured publisher's name
	 *        ({@code in-process}, {@code rabbitmq}, {@code kafka}) or {@code custom}
	 */
	OutboxMetrics(MeterRegistry registry, OutboxAdmin admin, OutboxProperties.Metrics settings, String publisher) {
		this.registry = registry;
		this.admin = admin;
		this.publisher = publisher;
		this.refreshNanos = settings.refresh().toNanos();
		Gauge.builder("ddd.outbox.backlog.pending", this, gauge((metrics) -> metrics.backlog().pending()))
			.description("Outbox messages waiting to be published")
			.baseUnit("messages")
			.register(registry);
		TimeGauge.builder("ddd.outbox.backlog.oldest.age", this, TimeUnit.MILLISECONDS,
				gauge((metrics) -> metrics.backlog().oldestPendingAge().toMillis()))
			.description("Age of the oldest pending outbox message")
			.register(registry);
		Gauge.builder("ddd.outbox.backlog.dead", this, gauge((metrics) -> metrics.backlog().dead()))
			.description("Dead outbox messages waiting for a resubmission")
			.baseUnit("messages")
			.register(registry);
	}

	@Override
	public void published(OutboxMessage message, Duration latency) {
		count(message, "published");
		String destination = bounded(this.destinations, destination(message));
		this.latencies
			.computeIfAbsent(destination, (key) -> Timer.builder("ddd.outbox.publish.latency")
				.description("Time from writing an outbox message to its publication")
				.tag("destination", key)
				.tag("publisher", this.publisher)
				.publishPercentileHistogram()
				.register(this.registry))
			.record(latency.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public void failed(List<OutboxMessage> messages) {
		messages.forEach((message) -> count(message, "failed"));
	}

	@Override
	public void dead(List<OutboxMessage> messages) {
		messages.forEach((message) -> count(message, "dead"));
	}

	private void count(OutboxMessage message, String outcome) {
		String destination = bounded(this.destinations, destination(message));
		String eventType = bounded(this.eventTypes, message.eventType());
		this.counters.computeIfAbsent(List.of(destination, eventType, outcome), (key) -> Counter
			.builder("ddd.outbox.messages")
			.description("Outbox messages by the outcome of an attempt to publish them: published, failed (retried) or dead")
			.baseUnit("messages")
			.tag("destination", destination)
			.tag("publisher", this.publisher)
			.tag("event.type", eventType)
			.tag("outcome", outcome)
			.register(this.registry)).increment();
	}

	private static String destination(OutboxMessage message) {
		String destination = message.destination();
		return (destination != null) ? destination : "none";
	}

	private static String bounded(Set<String> seen, String value) {
		if (seen.contains(value)) {
			return value;
		}
		if (seen.size() >= MAX_TAG_VALUES) {
			return "other";
		}
		seen.add(value);
		return value;
	}

	private static ToDoubleFunction<OutboxMetrics> gauge(ToDoubleFunction<OutboxMetrics> value) {
		return (metrics) -> {
			try {
				return value.applyAsDouble(metrics);
			}
			catch (RuntimeException ex) {
				return Double.NaN;
			}
		};
	}

	private OutboxBacklog backlog() {
		Snapshot current = this.snapshot;
		long now = System.nanoTime();
		if (current == null || now - current.takenAt() > this.refreshNanos) {
			current = new Snapshot(this.admin.backlog(), now);
			this.snapshot = current;
		}
		return current.backlog();
	}

	private record Snapshot(OutboxBacklog backlog, long takenAt) {
	}

}
