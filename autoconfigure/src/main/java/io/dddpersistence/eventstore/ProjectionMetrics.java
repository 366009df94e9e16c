package io.dddpersistence.eventstore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters per projection, tagged {@code subscription}, named as Micrometer recommends
 * (dot-separated, units as base units, not in the names): how far behind it is in events
 * ({@code ddd.eventstore.subscription.lag}) and in time ({@code ddd.eventstore.subscription.delay}),
 * whether this instance is the active one ({@code ddd.eventstore.subscription.active}), and the
 * events it handled or parked ({@code ddd.eventstore.subscription.events}, tagged {@code outcome}).
 * The lag is read from the database at most once a second per subscription, whatever the scrape rate.
 */
class ProjectionMetrics implements MeterBinder {

	private static final long REFRESH_NANOS = 1_000_000_000L;

	private final Projections projections;

	private final Map<String, Sample> samples = new ConcurrentHashMap<>();

	ProjectionMetrics(Projections projections) {
		this.projections = projections;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (CatchUpSubscription subscription : this.projections.subscriptions()) {
			String name = subscription.name();
			Gauge.builder("ddd.eventstore.subscription.lag", subscription, (s) -> status(s).eventsBehind())
				.tag("subscription", name)
				.baseUnit("events")
				.description("Events committed after the subscription's checkpoint")
				.register(registry);
			TimeGauge.builder("ddd.eventstore.subscription.delay", subscription, TimeUnit.SECONDS,
					(s) -> status(s).secondsBehind())
				.tag("subscription", name)
				.description("Age of the oldest event the subscription has not handled")
				.register(registry);
			Gauge.builder("ddd.eventstore.subscription.active", subscription, (s) -> status(s).active() ? 1 : 0)
				.tag("subscription", name)
				.description("1 when this instance holds the subscription's lease")
				.register(registry);
			events(registry, subscription, "handled", (s) -> status(s).eventsHandled(), "Events this instance handled");
			events(registry, subscription, "parked", (s) -> status(s).eventsParked(),
					"Events this instance parked after their retries");
		}
	}

	private static void events(MeterRegistry registry, CatchUpSubscription subscription, String outcome,
			ToDoubleFunction<CatchUpSubscription> count, String description) {
		FunctionCounter.builder("ddd.eventstore.subscription.events", subscription, count)
			.tag("subscription", subscription.name())
			.tag("outcome", outcome)
			.baseUnit("events")
			.description(description)
			.register(registry);
	}

	private SubscriptionStatus status(CatchUpSubscription subscription) {
		long now = System.nanoTime();
		Sample sample = this.samples.get(subscription.name());
		if (sample == null || now - sample.takenAt() > REFRESH_NANOS) {
			sample = new Sample(subscription.status(), now);
			this.samples.put(subscription.name(), sample);
		}
		return sample.status();
	}

	private record Sample(SubscriptionStatus status, long takenAt) {
	}

}
