package io.dddpersistence.benchmarks.search;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

import io.dddpersistence.benchmarks.BenchmarkDatabase;
import io.dddpersistence.benchmarks.Figures;
import io.dddpersistence.benchmarks.Interleaved;
import io.dddpersistence.benchmarks.search.add.AddBenchmarkApplication;
import io.dddpersistence.benchmarks.search.add.BenchItem;
import io.dddpersistence.benchmarks.search.add.BenchItemRecord;
import io.dddpersistence.benchmarks.search.add.BenchItemRecordRepository;
import io.dddpersistence.benchmarks.search.add.BenchItemRepository;
import io.dddpersistence.repository.DomainMapper;
import io.dddpersistence.repository.DomainMappings;
import io.dddpersistence.repository.UnitOfWork;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code DomainRepository.add} of 10,000 new entities in one unit of work against a raw JDBC batch
 * insert of the same rows into the same table, and the cost of mapping a domain record to its
 * entity. Called by the search suite.
 */
public final class RepositoryAddBenchmark {

	private static final int ROWS = 10_000;

	private static final int WARMUPS = 6;

	private static final int ROUNDS = 9;

	private static final int MAPPING_ROUNDS = 21;

	private static final String INSERT = "insert into bench_item (id, version, name, category, price, quantity)"
			+ " values (?, ?, ?, ?, ?, ?)";

	private RepositoryAddBenchmark() {
	}

	public static void run(Figures figures) throws Exception {
		BenchmarkDatabase database = BenchmarkDatabase.create();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AddBenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "spring.jpa.hibernate.ddl-auto=create",
					"spring.jpa.open-in-view=false", "spring.flyway.enabled=false", "logging.level.root=warn")
			.run()) {
			int batchSize = Integer.parseInt(String.valueOf(context.getBean(EntityManagerFactory.class)
				.getProperties()
				.get("hibernate.jdbc.batch_size")));
			UnitOfWork unitOfWork = context.getBean(UnitOfWork.class);
			BenchItemRepository items = context.getBean(BenchItemRepository.class);
			BenchItemRecordRepository records = context.getBean(BenchItemRecordRepository.class);
			Interleaved.Work addEntities = () -> {
				unitOfWork.run(() -> {
					for (int i = 0; i < ROWS; i++) {
						items.add(new BenchItem("item " + i, category(i), price(i), i));
					}
				});
				return ROWS;
			};
			Interleaved.Work addRecords = () -> {
				unitOfWork.run(() -> {
					for (int i = 0; i < ROWS; i++) {
						records.add(new BenchItemRecord(null, null, "item " + i, category(i), price(i), i));
					}
				});
				return ROWS;
			};
			Interleaved.Work jdbc = () -> insertWithJdbc(database, batchSize);
			// Hibernate's insert path needs many passes before the JIT has compiled it; warm every side up first.
			for (int i = 0; i < WARMUPS; i++) {
				addRecords.run();
			}
			Interleaved.Result add = Interleaved.measure(WARMUPS, ROUNDS, addEntities, jdbc);
			figures.print("add_ratio_vs_raw_jdbc", add.medianRatio(), "x");
			figures.print("add_rows_per_s", add.medianRateA(), "rows/s");
			figures.print("add_raw_jdbc_rows_per_s", add.medianRateB(), "rows/s");
			figures.note("add: " + ROWS + " rows per round in one unit of work; Hibernate hibernate.jdbc.batch_size="
					+ batchSize + " (the library's default) and order_inserts on; raw JDBC: executeBatch every " + batchSize
					+ " rows, one transaction; reWriteBatchedInserts and synchronous_commit=off on both; median of "
					+ ROUNDS + " interleaved rounds after " + WARMUPS + " warm-ups");

			// Rolled back before any flush, so the database is out of the picture and the difference is the mapping's.
			Interleaved.Result mapping = Interleaved.measure(WARMUPS, MAPPING_ROUNDS, () -> addWithoutFlush(unitOfWork,
					(i) -> records.add(new BenchItemRecord(null, null, "item " + i, category(i), price(i), i))),
					() -> addWithoutFlush(unitOfWork, (i) -> items.add(new BenchItem("item " + i, category(i), price(i), i))));
			// From the median per-round ratio, which drifting machine load affects far less than absolute times.
			double overhead = (1 / mapping.medianRatio() - 1) * mapping.medianSecondsB() / ROWS * 1e6;
			figures.print("mapping_overhead_us_per_entity", overhead, "us");
			figures.note(String.format(Locale.ROOT,
					"mapping: add of a domain record mapped by property name vs add of the entity itself, in a unit of work"
							+ " rolled back before the flush: %.0f vs %.0f adds/s; the mapper alone (record to entity and"
							+ " back) %.2f us per entity; median of %d interleaved rounds",
					mapping.medianRateA(), mapping.medianRateB(), mappingAloneMicros(), MAPPING_ROUNDS));
		}
	}

	private static long addWithoutFlush(UnitOfWork unitOfWork, IntConsumer add) {
		try (UnitOfWork.Scope scope = unitOfWork.begin()) {
			for (int i = 0; i < ROWS; i++) {
				add.accept(i);
			}
		}
		return ROWS;
	}

	private static long insertWithJdbc(BenchmarkDatabase database, int batchSize) throws Exception {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
				for (int i = 0; i < ROWS; i++) {
					insert.setObject(1, timeOrderedUuid());
					insert.setLong(2, 0);
					insert.setString(3, "item " + i);
					insert.setString(4, category(i));
					insert.setBigDecimal(5, price(i));
					insert.setInt(6, i);
					insert.addBatch();
					if ((i + 1) % batchSize == 0) {
						insert.executeBatch();
					}
				}
				insert.executeBatch();
			}
			connection.commit();
		}
		return ROWS;
	}

	/** Pure CPU cost of the default mapper, median of a few passes over 100,000 records. */
	private static double mappingAloneMicros() {
		DomainMapper<BenchItemRecord, BenchItem> mapper = DomainMappings.withoutConverters()
			.byPropertyName(BenchItemRecord.class, BenchItem.class, Set.of("id", "version"));
		int count = 100_000;
		BenchItemRecord record = new BenchItemRecord(UUID.randomUUID(), 0L, "item", "books", BigDecimal.TEN, 3);
		List<Double> passes = new ArrayList<>();
		for (int pass = 0; pass < 7; pass++) {
			long start = System.nanoTime();
			long checksum = 0;
			for (int i = 0; i < count; i++) {
				checksum += mapper.toDomain(mapper.toEntity(record)).quantity();
			}
			if (checksum != 3L * count) {
				throw new IllegalStateException("mapping lost data");
			}
			passes.add((System.nanoTime() - start) / 1e3 / count);
		}
		return Interleaved.median(passes);
	}

	private static String category(int i) {
		return "category " + (i % 20);
	}

	private static BigDecimal price(int i) {
		return BigDecimal.valueOf(100 + (i % 900), 2);
	}

	/** A version 7 UUID, as Hibernate's generator makes on the other side, so both indexes grow alike. */
	private static UUID timeOrderedUuid() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
		long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least);
	}

}
