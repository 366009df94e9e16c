package io.dddpersistence.benchmarks.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dddpersistence.benchmarks.Observed;
import io.micrometer.observation.ObservationRegistry;
import com.zaxxer.hikari.HikariDataSource;
import io.dddpersistence.benchmarks.BenchmarkDatabase;
import io.dddpersistence.benchmarks.Figures;
import io.dddpersistence.benchmarks.Interleaved;
import io.dddpersistence.benchmarks.Parts;
import io.dddpersistence.migration.LibrarySchema;
import io.dddpersistence.outbox.OutboxPoller;
import io.dddpersistence.outbox.OutboxProperties;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The figures of the outbox suite, in the order the issue lists them. */
public final class OutboxBenchmarks {

	private static final int BACKLOG = 200_000;

	private static final int WARM_UP_BACKLOG = 50_000;

	private static final int DRAIN_BACKLOG = 1_000_000;

	private static final int END_TO_END_EVENTS = 20_000;

	private static final int WRITERS = 4;

	private static final String MODULITH_AUTO_CONFIGURATIONS = String.join(",",
			"org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
			"org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
			"org.springframework.modulith.events.jackson.JacksonEventSerializationConfiguration",
			"org.springframework.modulith.events.jackson2.Jackson2EventSerializationConfiguration",
			"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration");

	private static final String NO_JPA_NO_FLYWAY = String.join(",",
			"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
			"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

	private final BenchmarkDatabase database;

	private final Figures figures;

	public OutboxBenchmarks(BenchmarkDatabase database, Figures figures) {
		this.database = database;
		this.figures = figures;
	}

	public void runAll() throws Exception {
		try (HikariDataSource pool = Pools.pool(this.database, 8)) {
			new LibrarySchema(pool, "outbox").migrate();
			if (Observed.only()) {
				observationOverhead(pool);
				return;
			}
			if (Parts.includes("relay")) {
				relay(pool);
			}
			if (Parts.includes("observation")) {
				observationOverhead(pool);
			}
			if (Parts.includes("write")) {
				writeOverhead(pool);
			}
			if (Parts.includes("latency")) {
				latency(pool);
			}
		}
		if (Parts.includes("end-to-end")) {
			endToEnd();
		}
	}

	/** The relay with its observations handled against the same relay with ObservationRegistry.NOOP. */
	private void observationOverhead(HikariDataSource pool) throws Exception {
		RelayBenchmark relay = new RelayBenchmark(pool);
		ObservationRegistry observed = Observed.registryWithAHandler();
		relay.seed(WARM_UP_BACKLOG);
		relay.library(1, WARM_UP_BACKLOG, observed);
		relay.seed(WARM_UP_BACKLOG);
		relay.library(1, WARM_UP_BACKLOG);
		Rounds.Result result = Rounds.measure(0, 5, () -> relay.seed(BACKLOG), () -> relay.library(1, BACKLOG, observed),
				() -> relay.seed(BACKLOG), () -> relay.library(1, BACKLOG));
		this.figures.print("relay_msgs_per_s_observed", result.medianRateA(), "msgs/s");
		this.figures.print("relay_msgs_per_s_noop_observations", result.medianRateB(), "msgs/s");
		this.figures.print("observation_overhead_ratio", result.medianRatio(), "x");
		this.figures.note("observation overhead: 1 poller, " + BACKLOG + " messages, no-op publisher; a registry with "
				+ "one handler (claim and one publish observation per message) against ObservationRegistry.NOOP");
	}

	private void relay(HikariDataSource pool) throws Exception {
		RelayBenchmark relay = new RelayBenchmark(pool);
		for (int pollers = 1; pollers <= 2; pollers++) {
			int n = pollers;
			String suffix = (pollers == 1) ? "1_poller" : "2_pollers";
			relay.seed(WARM_UP_BACKLOG);
			relay.library(n, WARM_UP_BACKLOG);
			relay.seed(WARM_UP_BACKLOG);
			relay.rawJdbcLocked(n, WARM_UP_BACKLOG);
			Rounds.Result result = Rounds.measure(0, 3, () -> relay.seed(BACKLOG), () -> relay.library(n, BACKLOG),
					() -> relay.seed(BACKLOG), () -> relay.rawJdbcLocked(n, BACKLOG));
			this.figures.print("relay_msgs_per_s_" + suffix, result.medianRateA(), "msgs/s");
			this.figures.print("relay_raw_jdbc_msgs_per_s_" + suffix, result.medianRateB(), "msgs/s");
			this.figures.print((pollers == 1) ? "relay_ratio_vs_raw_jdbc" : "relay_ratio_vs_raw_jdbc_2_pollers",
					result.medianRatio(), "x");
			Rounds.Result minimal = Rounds.measure(0, 3, () -> relay.seed(BACKLOG), () -> relay.library(n, BACKLOG),
					() -> relay.seedMinimal(BACKLOG), () -> relay.minimal(n, BACKLOG));
			this.figures.print("relay_minimal_msgs_per_s_" + suffix, minimal.medianRateB(), "msgs/s");
			this.figures.print((pollers == 1) ? "relay_ratio_vs_minimal_relay" : "relay_ratio_vs_minimal_relay_2_pollers",
					minimal.medianRatio(), "x");
			// retention.delete-on-publish: the mark deletes the row instead of writing a new version of it
			Rounds.Result deleting = Rounds.measure(0, 3, () -> relay.seed(BACKLOG),
					() -> relay.libraryDeletingPublished(n, BACKLOG), () -> relay.seedMinimal(BACKLOG),
					() -> relay.minimal(n, BACKLOG));
			this.figures.print("relay_delete_on_publish_msgs_per_s_" + suffix, deleting.medianRateA(), "msgs/s");
			this.figures.print("relay_minimal_msgs_per_s_" + suffix + "_beside_delete", deleting.medianRateB(), "msgs/s");
			this.figures.print((pollers == 1) ? "relay_ratio_delete_on_publish_vs_minimal_relay"
					: "relay_ratio_delete_on_publish_vs_minimal_relay_2_pollers", deleting.medianRatio(), "x");
		}
		// the lease mode, kept for slow publishers, against the raw loop of the same two writes
		Rounds.Result lease = Rounds.measure(0, 3, () -> relay.seed(BACKLOG),
				() -> relay.library(1, BACKLOG, OutboxProperties.Claim.LEASE), () -> relay.seed(BACKLOG),
				() -> relay.rawJdbc(1, BACKLOG));
		this.figures.print("relay_msgs_per_s_lease_1_poller", lease.medianRateA(), "msgs/s");
		this.figures.print("relay_ratio_lease_vs_raw_jdbc", lease.medianRatio(), "x");
		relay.seed(DRAIN_BACKLOG);
		long start = System.nanoTime();
		relay.library(2, DRAIN_BACKLOG);
		this.figures.print("backlog_drain_s_1m_2_pollers", (System.nanoTime() - start) / 1e9, "s");
		this.figures.note("relay: " + BACKLOG + " pending messages, batch " + RelayBenchmark.BATCH
				+ ", no-op publisher that publishes quickly (the library's default: lock mode); raw loop = the "
				+ "same SQL on the library's table on one connection per thread; minimal relay = a six-column "
				+ "table with one index, SELECT ... FOR UPDATE SKIP LOCKED LIMIT 500 + one UPDATE ... = ANY(?) per "
				+ "transaction; drain = " + DRAIN_BACKLOG + " pending messages, 2 pollers in lock mode");
	}

	private void writeOverhead(HikariDataSource pool) throws Exception {
		WriteOverhead write = new WriteOverhead(pool);
		Rounds.Result result = Rounds.measure(1, 5, write::reset,
				() -> write.run(WRITERS, 1500, WriteOverhead.Extra.OUTBOX_WRITER), write::reset,
				() -> write.run(WRITERS, 1500, WriteOverhead.Extra.NONE));
		this.figures.print("write_tx_per_s_with_outbox", result.medianRateA(), "tx/s");
		this.figures.print("write_tx_per_s_aggregate_only", result.medianRateB(), "tx/s");
		this.figures.print("write_ratio_vs_aggregate_only", result.medianRatio(), "x");
		// references: the same row by hand, and the cheapest second statement a transaction can have
		Rounds.Result raw = Rounds.measure(1, 5, write::reset,
				() -> write.run(WRITERS, 1500, WriteOverhead.Extra.RAW_JDBC_OUTBOX_ROW), write::reset,
				() -> write.run(WRITERS, 1500, WriteOverhead.Extra.NONE));
		Rounds.Result secondRow = Rounds.measure(1, 5, write::reset,
				() -> write.run(WRITERS, 1500, WriteOverhead.Extra.SECOND_AGGREGATE_ROW), write::reset,
				() -> write.run(WRITERS, 1500, WriteOverhead.Extra.NONE));
		this.figures.print("write_ratio_raw_jdbc_outbox_row_vs_aggregate_only", raw.medianRatio(), "x");
		this.figures.print("write_ratio_second_plain_row_vs_aggregate_only", secondRow.medianRatio(), "x");
		// the target: the outbox row against the cheapest second row a transaction can have
		Rounds.Result againstSecondRow = Rounds.measure(1, 5, write::reset,
				() -> write.run(WRITERS, 1500, WriteOverhead.Extra.OUTBOX_WRITER), write::reset,
				() -> write.run(WRITERS, 1500, WriteOverhead.Extra.SECOND_AGGREGATE_ROW));
		this.figures.print("write_ratio_vs_second_plain_row", againstSecondRow.medianRatio(), "x");
		this.figures.note("write: 4 threads, one transaction per aggregate row; the references insert the same "
				+ "outbox row with plain JDBC, or a second two-column row instead of the outbox row");
	}

	// with the default poll interval (a safety net of seconds: the in-process wake-up relays each
	// message), with 5 s said explicitly, and with wake-ups off at the old 100 ms default
	private void latency(HikariDataSource pool) {
		Latency latency = new Latency(pool);
		Duration defaultInterval = OutboxProperties.DEFAULTS.pollInterval();
		record Run(String suffix, Duration interval, boolean wakeUps) {
		}
		for (Run run : List.of(new Run("", defaultInterval, true), new Run("_poll_5s", Duration.ofSeconds(5), true),
				new Run("_poll_100ms_without_wake_ups", Duration.ofMillis(100), false))) {
			double[] sorted = latency.measure(1000, Duration.ofSeconds(2), Duration.ofSeconds(10), run.interval(),
					run.wakeUps());
			this.figures.print("latency_p50_ms" + run.suffix(), Latency.percentile(sorted, 50), "ms");
			this.figures.print("latency_p99_ms" + run.suffix(), Latency.percentile(sorted, 99), "ms");
			this.figures.note(String.format(Locale.ROOT, "latency: %d messages at 1,000/s, poll interval %d ms%s, "
					+ "wake-ups %s", sorted.length, run.interval().toMillis(),
					run.interval().equals(defaultInterval) ? " (the default)" : "", run.wakeUps() ? "on" : "off"));
		}
	}

	private void endToEnd() throws Exception {
		try (ConfigurableApplicationContext library = start(LibraryApp.class, "spring.autoconfigure.exclude="
				+ NO_JPA_NO_FLYWAY + "," + MODULITH_AUTO_CONFIGURATIONS);
				ConfigurableApplicationContext modulith = start(ModulithApp.class,
						"spring.autoconfigure.exclude=" + NO_JPA_NO_FLYWAY, "ddd.persistence.outbox.enabled=false",
						"spring.modulith.events.jdbc.schema-initialization.enabled=true")) {
			EndToEnd ours = library.getBean(EndToEnd.class);
			EndToEnd theirs = modulith.getBean(EndToEnd.class);
			Rounds.Result result = Rounds.measure(1, 3, () -> ours.truncate("ddd_outbox_message"),
					() -> ours.run(WRITERS, END_TO_END_EVENTS), () -> theirs.truncate("event_publication"),
					() -> theirs.run(WRITERS, END_TO_END_EVENTS));
			this.figures.print("end_to_end_events_per_s", result.medianRateA(), "events/s");
			this.figures.print("end_to_end_events_per_s_spring_modulith", result.medianRateB(), "events/s");
			this.figures.print("end_to_end_ratio_vs_spring_modulith", result.medianRatio(), "x");
			// the ceiling: the library's writers alone, with the poller stopped (nothing delivered)
			library.getBean(OutboxPoller.class).stop();
			List<Double> writersOnly = new ArrayList<>();
			for (int round = 0; round < 3; round++) {
				ours.truncate("ddd_outbox_message");
				long start = System.nanoTime();
				long written = ours.write(WRITERS, END_TO_END_EVENTS);
				writersOnly.add(written / ((System.nanoTime() - start) / 1e9));
			}
			double ceiling = Interleaved.median(writersOnly);
			this.figures.print("end_to_end_writers_only_events_per_s", ceiling, "events/s");
			this.figures.print("end_to_end_writers_only_ratio_vs_spring_modulith", ceiling / result.medianRateB(), "x");
			this.figures.note("end to end: " + WRITERS + " writer threads, " + END_TO_END_EVENTS
					+ " events, one aggregate row + one event per transaction, no-op in-process listener; "
					+ "library with default poller settings (batch 500, poll interval 100 ms), Spring Modulith "
					+ "2.1.1 JDBC registry with an @ApplicationModuleListener (completion mode update)");
		}
	}

	private ConfigurableApplicationContext start(Class<?> application, String... properties) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + this.database.url(),
					"spring.datasource.username=" + this.database.username(),
					"spring.datasource.password=" + this.database.password(),
					"spring.datasource.hikari.maximum-pool-size=10", "spring.main.banner-mode=off",
					"logging.level.root=WARN")
			.properties(properties)
			.run();
	}

}
