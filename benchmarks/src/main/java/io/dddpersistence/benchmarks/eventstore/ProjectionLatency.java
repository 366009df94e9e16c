package io.dddpersistence.benchmarks.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import io.dddpersistence.eventstore.EventSerializer;
import io.dddpersistence.eventstore.EventStore;
import io.dddpersistence.eventstore.NewEvent;
import io.dddpersistence.eventstore.Projection;
import io.dddpersistence.eventstore.RecordedEvent;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Delay from an append's commit to its projection's handler, at a steady append rate, with the
 * application's own catch-up subscription (started by the auto-configuration, as in an
 * application).
 */
public final class ProjectionLatency {

	private final ConfigurableApplicationContext context;

	public ProjectionLatency(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Returns the sorted latencies in milliseconds of the events appended after the warm-up. */
	public double[] measure(int perSecond, Duration warmUp, Duration measured) {
		EventStore store = this.context.getBean(EventStore.class);
		EventSerializer serializer = this.context.getBean(EventSerializer.class);
		Timing timing = this.context.getBean(Timing.class);
		Map<UUID, Long> committed = new ConcurrentHashMap<>();
		List<UUID> measuredIds = new ArrayList<>();
		long[] versions = new long[100];
		String run = UUID.randomUUID().toString().substring(0, 8);
		long periodNanos = 1_000_000_000L / perSecond;
		long start = System.nanoTime();
		long warmUpEnd = start + warmUp.toNanos();
		long end = warmUpEnd + measured.toNanos();
		long next = start;
		int n = 0;
		while (next < end) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			int k = n++ % versions.length;
			NewEvent event = serializer.serialize("latency", run + "-" + k, new LineAdded("sku-" + n, 1, 9.5));
			versions[k] = store.append(versions[k], event);
			committed.put(event.eventId(), System.nanoTime());
			if (next >= warmUpEnd) {
				measuredIds.add(event.eventId());
			}
			next += periodNanos;
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!timing.handled.keySet().containsAll(measuredIds) && System.nanoTime() < deadline) {
			LockSupport.parkNanos(10_000_000L);
		}
		return measuredIds.stream()
			.filter(timing.handled::containsKey)
			.mapToDouble((id) -> Math.max(0, timing.handled.get(id) - committed.get(id)) / 1e6)
			.sorted()
			.toArray();
	}

	/** When the projection handled each event, by event id. */
	public static final class Timing implements Projection {

		final Map<UUID, Long> handled = new ConcurrentHashMap<>();

		@Override
		public String name() {
			return "latency";
		}

		@Override
		public void handle(RecordedEvent event) {
			this.handled.put(event.stored().eventId(), System.nanoTime());
		}

	}

	/** The application: the event store's auto-configuration and the timing projection. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	public static class App {

		@Bean
		Timing timing() {
			return new Timing();
		}

	}

}
