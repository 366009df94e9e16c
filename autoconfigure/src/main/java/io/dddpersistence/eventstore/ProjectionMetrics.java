package io.dddpersistence.eventstore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters per projection, tagged {@code subscription}: how far behind it is in events
 * ({@code ddd.event-store.subscription.lag.events}) and seconds ({@code ...lag.seconds}), whether
 * this instance is the active one, and the events it handled and parked. The lag is read from the
 * database at most once a second per subscription, whatever the scrape rate.
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
			gauge(registry, "ddd.event-store.subscription.lag.events", "events", subscription,
					(s) -> status(s).eventsBehind(), "Events committed after the subscription's checkpoint");
			gauge(registry, "ddd.event-store.subscription.lag.seconds", "seconds", subscription,
					(s) -> status(s).secondsBehind(), "Age of the oldest event the subscription has not handled");
			gauge(registry, "ddd.event-store.subscription.active", null, subscription,
					(s) -> status(s).active() ? 1 : 0, "1 when this instance holds the subscription's lease");
			FunctionCounter.builder("ddd.event-store.subscription.handled", subscription,
					(s) -> status(s).eventsHandled())
				.tag("subscription", name)
				.description("Events this instance handled")
				.register(registry);
			FunctionCounter.builder("ddd.event-store.subscription.parked", subscription,
					(s) -> status(s).eventsParked())
				.tag("subscription", name)
				.description("Events this instance parked after their retries")
				.register(registry);
		}
	}

	private void gauge(MeterRegistry registry, String meter, @Nullable String unit, CatchUpSubscription subscription,
			ToDoubleFunction<CatchUpSubscription> value, String description) {
		Gauge.Builder<CatchUpSubscription> builder = Gauge.builder(meter, subscription, value)
			.tag("subscription", subscription.name())
			.description(description);
		if (unit != null) {
			builder.baseUnit(unit);
		}
		builder.register(registry);
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
