package io.dddpersistence.benchmarks;

import java.util.concurrent.atomic.LongAdder;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/** What the observation-overhead figures compare against {@link ObservationRegistry#NOOP}. */
public final class Observed {

	private Observed() {
	}

	/** A registry with one handler attached that sees every observation start and stop. */
	public static ObservationRegistry registryWithAHandler() {
		ObservationRegistry registry = ObservationRegistry.create();
		LongAdder stopped = new LongAdder();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.increment();
			}
		});
		return registry;
	}

	/** Whether only the observation figures were asked for ({@code -Dbenchmarks.only=observation}). */
	public static boolean only() {
		return "observation".equals(System.getProperty("benchmarks.only"));
	}

}
