package io.dddpersistence.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters of the outbox: counters of published, failed and dead messages, a timer of the
 * delay from write to publication, and gauges of the backlog. The gauges read the table at most once
 * per {@code refresh}, whatever the scrape rate.
 */
class OutboxMetrics implements OutboxObserver {

	private final Counter published;

	private final Counter failed;

	private final Counter dead;

	private final Timer latency;

	private final OutboxAdmin admin;

	private final long refreshNanos;

	private volatile @Nullable Snapshot snapshot;

	OutboxMetrics(MeterRegistry registry, OutboxAdmin admin, OutboxProperties.Metrics settings) {
		this.admin = admin;
		this.refreshNanos = settings.refresh().toNanos();
		this.published = Counter.builder("ddd.outbox.messages.published")
			.description("Outbox messages published")
			.register(registry);
		this.failed = Counter.builder("ddd.outbox.messages.failed")
			.description("Failed attempts to publish an outbox message (each is retried)")
			.register(registry);
		this.dead = Counter.builder("ddd.outbox.messages.dead")
			.description("Outbox messages that went dead after the maximum number of attempts")
			.register(registry);
		this.latency = Timer.builder("ddd.outbox.publish.latency")
			.description("Time from writing an outbox message to its publication")
			.publishPercentileHistogram()
			.register(registry);
		gauge(registry, "ddd.outbox.backlog.pending", "Outbox messages waiting to be published", "messages",
				(metrics) -> metrics.backlog().pending());
		gauge(registry, "ddd.outbox.backlog.oldest.age", "Age of the oldest pending outbox message", "seconds",
				(metrics) -> metrics.backlog().oldestPendingAge().toMillis() / 1000.0);
		gauge(registry, "ddd.outbox.backlog.dead", "Dead outbox messages waiting for a resubmission", "messages",
				(metrics) -> metrics.backlog().dead());
	}

	@Override
	public void published(OutboxMessage message, Duration latency) {
		this.published.increment();
		this.latency.record(latency.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public void failed(int count) {
		this.failed.increment(count);
	}

	@Override
	public void dead(int count) {
		this.dead.increment(count);
	}

	private void gauge(MeterRegistry registry, String name, String description, String unit,
			ToDoubleFunction<OutboxMetrics> value) {
		Gauge.builder(name, this, (metrics) -> {
			try {
				return value.applyAsDouble(metrics);
			}
			catch (RuntimeException ex) {
				return Double.NaN;
			}
		}).description(description).baseUnit(unit).register(registry);
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
