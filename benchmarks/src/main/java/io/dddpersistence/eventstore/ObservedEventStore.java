package io.dddpersistence.eventstore;

import java.util.List;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The benchmarks' way to an observed store: in the library's package, because the store's
 * constructor with observations is package-private (applications get it from the configuration).
 */
public final class ObservedEventStore {

	private ObservedEventStore() {
	}

	/** A store whose appends are observed in {@code registry}. */
	public static EventStore store(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			ObservationRegistry registry) {
		return new EventStore(jdbc, transactionManager, List.of(), new EventStoreObservations(registry, null, null));
	}

}
