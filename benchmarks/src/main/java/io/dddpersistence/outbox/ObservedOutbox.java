package io.dddpersistence.outbox;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmarks' way to an observed poller: in the library's package, because the poller's
 * constructor with observations is package-private (applications get it from the configuration).
 */
public final class ObservedOutbox {

	private ObservedOutbox() {
	}

	/** A poller whose claims and publications are observed in {@code registry}. */
	public static OutboxPoller poller(DataSource dataSource, JsonMapper json, OutboxPublisher publisher,
			OutboxProperties settings, OutboxObserver observer, ObservationRegistry registry) {
		return new OutboxPoller(dataSource, json, publisher, settings, observer,
				new OutboxObservations(registry, TraceHeaders.NONE, null, null, null));
	}

}
