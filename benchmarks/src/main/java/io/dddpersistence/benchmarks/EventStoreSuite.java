package io.dddpersistence.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.dddpersistence.benchmarks.eventstore.AxonEventStorage;
import io.dddpersistence.benchmarks.eventstore.BenchOrder;
import io.dddpersistence.benchmarks.eventstore.LineAdded;
import io.dddpersistence.benchmarks.eventstore.ProjectionLatency;
import io.dddpersistence.eventstore.EventSerializer;
import io.dddpersistence.eventstore.EventSourcedRepositories;
import io.dddpersistence.eventstore.EventSourcedRepository;
import io.dddpersistence.eventstore.EventStore;
import io.dddpersistence.eventstore.EventStoreProperties;
import io.dddpersistence.eventstore.ObservedEventStore;
import io.dddpersistence.eventstore.GlobalPosition;
import io.dddpersistence.eventstore.NewEvent;
import io.dddpersistence.eventstore.StoredEvent;
import io.dddpersistence.migration.LibrarySchema;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store against raw JDBC on the same table and against Axon Framework 4's JDBC event
 * storage engine: append throughput (10 events per transaction, 4 threads), catch-up read of
 * 1,000,000 events (typed and untyped), and aggregate load with and without a snapshot.
 */
public class EventStoreSuite implements Suite {

	private static final int THREADS = 4;

	private static final int EVENTS_PER_TRANSACTION = 10;

	private static final int TRANSACTIONS_PER_THREAD = 400;

	private static final int AGGREGATES_PER_THREAD = 50;

	private static final int READ_EVENTS = 1_000_000;

	private static final int PAGE = 1000;

	private static final String RAW_INSERT = "INSERT INTO ddd_stored_event (event_id, aggregate_type, aggregate_id, "
			+ "version, event_type, revision, payload, metadata, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)";

	private static final String RAW_READ = "SELECT position, tx_id::text, event_id, aggregate_type, aggregate_id, "
			+ "version, event_type, revision, payload::text, metadata::text, occurred_at FROM ddd_stored_event "
			+ "WHERE position > ? ORDER BY position LIMIT " + PAGE;

	private final JsonMapper mapper = JsonMapper.shared();

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

	@Override
	public void run(Figures figures) throws Exception {
		try {
			// append also prints the observation overhead (alone with -Dbenchmarks.only=observation)
			if (Parts.includes("append") || Observed.only()) {
				append(figures);
			}
			if (Parts.includes("read") && !Observed.only()) {
				readAndLoad(figures);
			}
			if (Parts.includes("latency") && !Observed.only()) {
				projectionLatency(figures);
			}
		}
		finally {
			this.threads.shutdownNow();
		}
	}

	private void append(Figures figures) throws Exception {
		BenchmarkDatabase database = BenchmarkDatabase.create();
		try (HikariDataSource dataSource = pool(database)) {
			new LibrarySchema(dataSource, "event-store").migrate();
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			EventStore store = new EventStore(jdbc, new DataSourceTransactionManager(dataSource));
			EventSerializer serializer = new EventSerializer(this.mapper, EventSerializer.UnknownTypes.FAIL);
			AxonEventStorage axon = new AxonEventStorage(dataSource, PAGE);
			long[][] libraryVersions = new long[THREADS][AGGREGATES_PER_THREAD];
			long[][] rawVersions = new long[THREADS][AGGREGATES_PER_THREAD];
			long[][] axonSequences = new long[THREADS][AGGREGATES_PER_THREAD];

			Interleaved.Work library = () -> inThreads((thread) -> {
				for (int t = 0; t < TRANSACTIONS_PER_THREAD; t++) {
					int k = t % AGGREGATES_PER_THREAD;
					String id = "lib-" + thread + "-" + k;
					List<NewEvent> batch = new ArrayList<>(EVENTS_PER_TRANSACTION);
					for (int i = 0; i < EVENTS_PER_TRANSACTION; i++) {
						batch.add(serializer.serialize("order", id, line(t, i)));
					}
					libraryVersions[thread][k] = store.appendBatch(libraryVersions[thread][k], batch);
				}
			});
			// the same appends, each inside a caller's transaction (two round trips instead of one)
			TransactionTemplate callers = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
			long[][] inTransactionVersions = new long[THREADS][AGGREGATES_PER_THREAD];
			Interleaved.Work libraryInTransaction = () -> inThreads((thread) -> {
				for (int t = 0; t < TRANSACTIONS_PER_THREAD; t++) {
					int k = t % AGGREGATES_PER_THREAD;
					String id = "tx-" + thread + "-" + k;
					List<NewEvent> batch = new ArrayList<>(EVENTS_PER_TRANSACTION);
					for (int i = 0; i < EVENTS_PER_TRANSACTION; i++) {
						batch.add(serializer.serialize("order", id, line(t, i)));
					}
					inTransactionVersions[thread][k] = callers
						.execute((status) -> store.appendBatch(inTransactionVersions[thread][k], batch));
				}
			});
			Interleaved.Work raw = () -> inThreads((thread) -> {
				try (Connection connection = dataSource.getConnection();
						PreparedStatement insert = connection.prepareStatement(RAW_INSERT)) {
					connection.setAutoCommit(false);
					for (int t = 0; t < TRANSACTIONS_PER_THREAD; t++) {
						int k = t % AGGREGATES_PER_THREAD;
						String id = "raw-" + thread + "-" + k;
						for (int i = 0; i < EVENTS_PER_TRANSACTION; i++) {
							insert.setObject(1, UUID.randomUUID());
							insert.setString(2, "order");
							insert.setString(3, id);
							insert.setLong(4, ++rawVersions[thread][k]);
							insert.setString(5, "line-added");
							insert.setInt(6, 1);
							insert.setString(7, this.mapper.writeValueAsString(line(t, i)));
							insert.setString(8, "{}");
							insert.setTimestamp(9, Timestamp.from(Instant.now()));
							insert.addBatch();
						}
						insert.executeBatch();
						connection.commit();
					}
					connection.setAutoCommit(true);
				}
			});
			Interleaved.Work axonAppend = () -> inThreads((thread) -> {
				for (int t = 0; t < TRANSACTIONS_PER_THREAD; t++) {
					int k = t % AGGREGATES_PER_THREAD;
					String id = "axon-" + thread + "-" + k;
					List<GenericDomainEventMessage<LineAdded>> batch = new ArrayList<>(EVENTS_PER_TRANSACTION);
					for (int i = 0; i < EVENTS_PER_TRANSACTION; i++) {
						batch.add(new GenericDomainEventMessage<>("order", id, axonSequences[thread][k]++, line(t, i)));
					}
					axon.append(batch);
				}
			});

			// the same appends through a store whose observations have a handler, against ObservationRegistry.NOOP
			EventStore observedStore = ObservedEventStore.store(jdbc, new DataSourceTransactionManager(dataSource),
					Observed.registryWithAHandler());
			long[][] observedVersions = new long[THREADS][AGGREGATES_PER_THREAD];
			Interleaved.Work observedLibrary = () -> inThreads((thread) -> {
				for (int t = 0; t < TRANSACTIONS_PER_THREAD; t++) {
					int k = t % AGGREGATES_PER_THREAD;
					String id = "obs-" + thread + "-" + k;
					List<NewEvent> batch = new ArrayList<>(EVENTS_PER_TRANSACTION);
					for (int i = 0; i < EVENTS_PER_TRANSACTION; i++) {
						batch.add(serializer.serialize("order", id, line(t, i)));
					}
					observedVersions[thread][k] = observedStore.appendBatch(observedVersions[thread][k], batch);
				}
			});
			Interleaved.Result observation = Interleaved.measure(2, 11, observedLibrary, library);
			figures.print("append_events_per_s_observed", observation.medianRateA(), "events/s");
			figures.print("append_events_per_s_noop_observations", observation.medianRateB(), "events/s");
			figures.print("observation_overhead_ratio", observation.medianRatio(), "x");
			if (Observed.only()) {
				return;
			}
			Interleaved.Result vsRaw = Interleaved.measure(2, 11, library, raw);
			Interleaved.Result vsAxon = Interleaved.measure(2, 11, library, axonAppend);
			Interleaved.Result inTransactionVsRaw = Interleaved.measure(2, 11, libraryInTransaction, raw);
			figures.note(String.format("append: %d threads, %d events per transaction, %d events per round; "
					+ "library %.0f/s, raw JDBC %.0f/s, library %.0f/s, Axon %.0f/s", THREADS, EVENTS_PER_TRANSACTION,
					(long) THREADS * TRANSACTIONS_PER_THREAD * EVENTS_PER_TRANSACTION, vsRaw.medianRateA(),
					vsRaw.medianRateB(), vsAxon.medianRateA(), vsAxon.medianRateB()));
			figures.print("append_events_per_s", vsRaw.medianRateA(), "events/s");
			figures.print("append_raw_jdbc_events_per_s", vsRaw.medianRateB(), "events/s");
			figures.print("append_axon_events_per_s", vsAxon.medianRateB(), "events/s");
			figures.print("append_ratio_vs_raw_jdbc", vsRaw.medianRatio(), "x");
			figures.print("append_ratio_vs_axon", vsAxon.medianRatio(), "x");
			figures.print("append_in_caller_transaction_events_per_s", inTransactionVsRaw.medianRateA(), "events/s");
			figures.print("append_in_caller_transaction_ratio_vs_raw_jdbc", inTransactionVsRaw.medianRatio(), "x");
			figures.note("append: without a caller's transaction an append is one auto-committed statement (one "
					+ "round trip; raw JDBC and Axon use two: insert, commit); inside a caller's transaction it is "
					+ "two, like them. Event ids: time-ordered in the library, random in raw JDBC and Axon");
		}
	}

	private void readAndLoad(Figures figures) throws Exception {
		BenchmarkDatabase database = BenchmarkDatabase.create();
		try (HikariDataSource dataSource = pool(database)) {
			new LibrarySchema(dataSource, "event-store").migrate();
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
			EventStore store = new EventStore(jdbc, transactionManager);
			EventSerializer serializer = new EventSerializer(this.mapper, EventSerializer.UnknownTypes.FAIL)
				.register(List.of(LineAdded.class));
			AxonEventStorage axon = new AxonEventStorage(dataSource, PAGE);
			fillLibrary(jdbc);
			fillAxon(axon);
			jdbc.execute("VACUUM ANALYZE");

			Interleaved.Result typed = Interleaved.measure(1, 5, () -> {
				try (Stream<StoredEvent> events = store.streamAfter(GlobalPosition.START, PAGE)) {
					return events.limit(READ_EVENTS).map(serializer::deserialize).filter(Optional::isPresent).count();
				}
			}, () -> {
				try (Stream<? extends TrackedEventMessage<?>> events = axon.readFromStart()) {
					return events.limit(READ_EVENTS).map(TrackedEventMessage::getPayload).filter(Objects::nonNull).count();
				}
			});
			figures.note(String.format("typed catch-up read of %d events: library %.0f/s, Axon %.0f/s", READ_EVENTS,
					typed.medianRateA(), typed.medianRateB()));
			figures.print("read_typed_events_per_s", typed.medianRateA(), "events/s");
			figures.print("read_typed_axon_events_per_s", typed.medianRateB(), "events/s");
			figures.print("read_typed_ratio_vs_axon", typed.medianRatio(), "x");

			Interleaved.Result untyped = Interleaved.measure(1, 5, () -> {
				long read = 0;
				GlobalPosition at = GlobalPosition.START;
				while (read < READ_EVENTS) {
					List<StoredEvent> page = store.readAfter(at, PAGE);
					if (page.isEmpty()) {
						break;
					}
					read += page.size();
					at = page.get(page.size() - 1).globalPosition();
				}
				return read;
			}, () -> rawPagedRead(dataSource));
			figures.note(String.format("untyped read of %d events in pages of %d: library (gap-safe) %.0f/s, "
					+ "raw JDBC (by position) %.0f/s", READ_EVENTS, PAGE, untyped.medianRateA(), untyped.medianRateB()));
			figures.print("read_events_per_s", untyped.medianRateA(), "events/s");
			figures.print("read_raw_jdbc_events_per_s", untyped.medianRateB(), "events/s");
			figures.print("read_ratio_vs_raw_jdbc", untyped.medianRatio(), "x");

			load(figures, store, serializer, jdbc, transactionManager);
		}
	}

	private void load(Figures figures, EventStore store, EventSerializer serializer, JdbcTemplate jdbc,
			DataSourceTransactionManager transactionManager) throws Exception {
		EventSourcedRepository<BenchOrder> plain = new EventSourcedRepositories(store, serializer, jdbc,
				transactionManager, 0)
			.create("bench-order", BenchOrder::new);
		EventSourcedRepository<BenchOrder> snapshotting = new EventSourcedRepositories(store, serializer, jdbc,
				transactionManager, 100)
			.create("bench-order", BenchOrder::new);
		write(plain, "no-snapshot", 1000);
		// the worst case for a snapshot every 100: the snapshot at 900, then a tail of 100 events
		write(snapshotting, "snapshot", 900);
		BenchOrder order = plain.load("snapshot").orElseThrow();
		for (int i = 900; i < 1000; i++) {
			order.addLine("sku-" + (i % 700), 1 + i % 5, 9.5);
		}
		plain.save(order);
		int loads = 20;
		Interleaved.Result result = Interleaved.measure(5, 15, () -> {
			for (int i = 0; i < loads; i++) {
				plain.load("no-snapshot").orElseThrow();
			}
			return loads;
		}, () -> {
			for (int i = 0; i < loads; i++) {
				snapshotting.load("snapshot").orElseThrow();
			}
			return loads;
		});
		figures.note("aggregate load of 1,000 events; with a snapshot every 100, the snapshot at 900 and a tail of 100");
		figures.print("load_1000_ms", result.medianSecondsA() * 1000 / loads, "ms");
		figures.print("load_1000_snapshot_ms", result.medianSecondsB() * 1000 / loads, "ms");
	}

	private static void write(EventSourcedRepository<BenchOrder> repository, String id, int events) {
		BenchOrder order = repository.create(id);
		for (int i = 0; i < events; i++) {
			order.addLine("sku-" + (i % 700), 1 + i % 5, 9.5);
			if (i % 10 == 9) {
				repository.save(order);
			}
		}
		repository.save(order);
	}

	private static long rawPagedRead(HikariDataSource dataSource) throws Exception {
		long read = 0;
		long position = 0;
		try (Connection connection = dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(RAW_READ)) {
			while (read < READ_EVENTS) {
				select.setLong(1, position);
				int rows = 0;
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						StoredEvent event = new StoredEvent(rs.getLong(1), Long.parseLong(rs.getString(2)),
								rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getLong(6),
								rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10),
								rs.getTimestamp(11).toInstant());
						position = event.position();
						rows++;
					}
				}
				if (rows == 0) {
					break;
				}
				read += rows;
			}
		}
		return read;
	}

	private static void fillLibrary(JdbcTemplate jdbc) {
		// 100 transactions of 10,000 events, so that the read crosses many transaction ids
		for (int chunk = 0; chunk < READ_EVENTS / 10_000; chunk++) {
			jdbc.update("INSERT INTO ddd_stored_event (event_id, aggregate_type, aggregate_id, version, event_type, "
					+ "revision, payload, metadata, occurred_at) SELECT gen_random_uuid(), 'order', 'read-' || (g / 100), "
					+ "(g % 100) + 1, 'line-added', 1, jsonb_build_object('sku', 'sku-' || (g % 700), 'quantity', "
					+ "1 + g % 5, 'price', 9.5), '{}'::jsonb, now() FROM generate_series(?::int, ?::int) g",
					chunk * 10_000, chunk * 10_000 + 9_999);
		}
	}

	private void fillAxon(AxonEventStorage axon) throws Exception {
		int perThread = READ_EVENTS / THREADS;
		inThreads((thread) -> {
			List<GenericDomainEventMessage<LineAdded>> batch = new ArrayList<>(100);
			for (int i = 0; i < perThread; i++) {
				int g = thread * perThread + i;
				batch.add(new GenericDomainEventMessage<>("order", "read-" + (g / 100), g % 100,
						new LineAdded("sku-" + (g % 700), 1 + g % 5, 9.5)));
				if (batch.size() == 100) {
					axon.append(batch);
					batch = new ArrayList<>(100);
				}
			}
		});
	}

	private static LineAdded line(int transaction, int index) {
		return new LineAdded("sku-" + ((transaction * 10 + index) % 700), 1 + index % 5, 9.5);
	}

	@FunctionalInterface
	private interface PerThread {

		void run(int thread) throws Exception;

	}

	private long inThreads(PerThread work) throws Exception {
		List<Future<?>> futures = new ArrayList<>();
		for (int thread = 0; thread < THREADS; thread++) {
			int index = thread;
			futures.add(this.threads.submit(() -> {
				work.run(index);
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		return (long) THREADS * TRANSACTIONS_PER_THREAD * EVENTS_PER_TRANSACTION;
	}

	// append committed -> projection handled, at 1,000 events/s, with the default poll interval and
	// with wake-ups off (the poll interval alone), in an application context as users run it
	private void projectionLatency(Figures figures) throws Exception {
		BenchmarkDatabase database = BenchmarkDatabase.create();
		for (boolean wakeUps : new boolean[] { true, false }) {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ProjectionLatency.App.class)
				.web(WebApplicationType.NONE)
				.properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
						"spring.datasource.password=" + database.password(), "spring.main.banner-mode=off",
						"logging.level.root=WARN", "ddd.persistence.outbox.enabled=false",
						"ddd.persistence.event-store.event-packages=io.dddpersistence.benchmarks.eventstore",
						"ddd.persistence.event-store.wake-ups.enabled=" + wakeUps,
						"spring.autoconfigure.exclude=" + String.join(",",
								"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
								"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
								"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
								"org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
								"org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
								"org.springframework.modulith.events.jackson.JacksonEventSerializationConfiguration",
								"org.springframework.modulith.events.jackson2.Jackson2EventSerializationConfiguration",
								"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration"))
				.run()) {
				double[] sorted = new ProjectionLatency(context).measure(1000, Duration.ofSeconds(2),
						Duration.ofSeconds(10));
				String suffix = wakeUps ? "" : "_without_wake_ups";
				figures.print("projection_latency_p50_ms" + suffix, percentile(sorted, 50), "ms");
				figures.print("projection_latency_p99_ms" + suffix, percentile(sorted, 99), "ms");
				figures.note(String.format(Locale.ROOT,
						"projection latency: %d events at 1,000/s (single-event appends outside a transaction), "
								+ "default poll interval %d ms, wake-ups %s",
						sorted.length, EventStoreProperties.DEFAULTS.subscriptions().pollInterval().toMillis(),
						wakeUps ? "on" : "off"));
			}
		}
	}

	static double percentile(double[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static HikariDataSource pool(BenchmarkDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.url());
		dataSource.setUsername(database.username());
		dataSource.setPassword(database.password());
		dataSource.setMaximumPoolSize(THREADS + 2);
		return dataSource;
	}

}
