package io.dddpersistence.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dddpersistence.benchmarks.traits.BenchItem;
import io.dddpersistence.benchmarks.traits.BenchItemRepository;
import io.dddpersistence.benchmarks.traits.CountingHooks;
import io.dddpersistence.benchmarks.traits.TraitsBenchmarkApplication;
import io.dddpersistence.tenant.TenantScope;

/**
 * Entity traits: bulk insert through a repository against raw JDBC, the size of the active partial
 * index against a full index, and a within-distance query with and without the GIST index.
 */
public class TraitsSuite implements Suite {

	static final int ROWS = 10_000;

	@Override
	public void run(Figures figures) throws Exception {
		BenchmarkDatabase database = BenchmarkDatabase.create();
		if (Parts.includes("insert")) {
			bulkInsert(figures, database);
		}
		if (Parts.includes("index")) {
			partialIndex(figures, database);
		}
		if (Parts.includes("gist")) {
			gist(figures, database);
		}
		if (Parts.includes("hooks")) {
			hooks(figures, BenchmarkDatabase.create());
		}
		if (Parts.includes("patch")) {
			MergePatchCost.measure(figures);
		}
	}

	private void bulkInsert(Figures figures, BenchmarkDatabase database) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TraitsBenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "spring.jpa.hibernate.ddl-auto=create",
					"spring.flyway.enabled=false", "logging.level.root=WARN", "spring.main.banner-mode=off")
			.run()) {
			BenchItemRepository repository = context.getBean(BenchItemRepository.class);
			TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			int[] round = { 0 };
			Interleaved.Work oneByOne = () -> {
				truncate(database);
				String prefix = "L" + (round[0]++) + "-";
				TenantScope.run("bench", () -> tx.executeWithoutResult((status) -> {
					for (int i = 0; i < ROWS; i++) {
						repository.add(new BenchItem(prefix + i, "item " + i, i));
					}
				}));
				return ROWS;
			};
			Interleaved.Work raw = () -> {
				truncate(database);
				rawInsert(database, "R" + (round[0]++) + "-");
				return ROWS;
			};
			Interleaved.Result result = Interleaved.measure(2, 7, oneByOne, raw);
			figures.note("bulk insert of " + ROWS + " rows in one transaction, all traits but spatial, "
					+ "DomainRepository.add per entity vs raw JDBC batch (executeBatch every 50 rows), 7 interleaved rounds");
			figures.print("bulk_insert_rows_per_s_library", result.medianRateA(), "rows/s");
			figures.print("bulk_insert_rows_per_s_raw_jdbc", result.medianRateB(), "rows/s");
			figures.print("bulk_insert_ratio_vs_raw_jdbc", result.medianRatio(), "x");
		}
	}

	/*
	 * 10,000 updates through the repository (each row loaded, changed, flushed in batches at commit),
	 * by a context with three lifecycle hooks and by one without, on the same rows, interleaved.
	 */
	private void hooks(Figures figures, BenchmarkDatabase database) throws Exception {
		String[] properties = { "spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.username(), "spring.datasource.password=" + database.password(),
				"spring.flyway.enabled=false", "logging.level.root=WARN", "spring.main.banner-mode=off",
				"spring.jpa.properties.hibernate.jdbc.batch_size=50" };
		try (ConfigurableApplicationContext hooked = new SpringApplicationBuilder(TraitsBenchmarkApplication.class,
				CountingHooks.class)
			.web(WebApplicationType.NONE)
			.properties(properties)
			.properties("spring.jpa.hibernate.ddl-auto=create")
			.run();
				ConfigurableApplicationContext plain = new SpringApplicationBuilder(TraitsBenchmarkApplication.class)
					.web(WebApplicationType.NONE)
					.properties(properties)
					.properties("spring.jpa.hibernate.ddl-auto=none")
					.run()) {
			rawInsert(database, "H-");
			Interleaved.Work withHooks = () -> updateAll(hooked);
			Interleaved.Work without = () -> updateAll(plain);
			Interleaved.Result result = Interleaved.measure(2, 7, withHooks, without);
			figures.note("10,000 updates through the repository in one transaction (load all, change one field each, "
					+ "flush at commit), with 3 lifecycle hooks (before and after update) vs none, 7 interleaved rounds; "
					+ "hook calls counted: " + CountingHooks.CALLS.get());
			figures.print("hooks_updates_per_s_with_hooks", result.medianRateA(), "rows/s");
			figures.print("hooks_updates_per_s_without", result.medianRateB(), "rows/s");
			figures.print("hooks_overhead_ratio", result.medianRatio(), "x");
		}
	}

	private static long updateAll(ConfigurableApplicationContext context) {
		BenchItemRepository repository = context.getBean(BenchItemRepository.class);
		TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		return TenantScope.call("bench", () -> tx.execute((status) -> {
			java.util.List<BenchItem> items = repository.listAll();
			items.forEach(BenchItem::restock);
			return (long) items.size();
		}));
	}

	private static void truncate(BenchmarkDatabase database) throws Exception {
		database.execute("truncate bench_items");
	}

	private static void rawInsert(BenchmarkDatabase database, String prefix) throws Exception {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into bench_items (id, tenant_id, code, name, quantity, version, created_at, updated_at,
					  created_by, updated_by, archived_at, archived_by) values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, null, null)""")) {
				Timestamp now = Timestamp.from(Instant.now());
				for (int i = 0; i < ROWS; i++) {
					insert.setObject(1, UUID.randomUUID());
					insert.setString(2, "bench");
					insert.setString(3, prefix + i);
					insert.setString(4, "item " + i);
					insert.setInt(5, i);
					insert.setTimestamp(6, now);
					insert.setTimestamp(7, now);
					insert.setString(8, "system");
					insert.setString(9, "system");
					insert.addBatch();
					if (i % 50 == 49) {
						insert.executeBatch();
					}
				}
				insert.executeBatch();
			}
			connection.commit();
		}
	}

	private void partialIndex(Figures figures, BenchmarkDatabase database) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("""
					create table archive_sizes (id bigint primary key, code text not null, archived_at timestamptz);
					insert into archive_sizes
					select g, 'code-' || g, case when g % 10 = 0 then null else now() - (g || ' seconds')::interval end
					from generate_series(1, 1000000) g;
					create index ix_archive_sizes_archivable_active on archive_sizes (archived_at) where archived_at is null;
					create index ix_archive_sizes_archived_at on archive_sizes (archived_at);
					analyze archive_sizes;""");
			long partial = size(statement, "ix_archive_sizes_archivable_active");
			long full = size(statement, "ix_archive_sizes_archived_at");
			figures.note("1,000,000 rows, 10% active: active partial index " + partial + " bytes, full index on archived_at "
					+ full + " bytes (pg_relation_size)");
			figures.print("partial_index_bytes", partial, "bytes");
			figures.print("full_index_bytes", full, "bytes");
			figures.print("partial_index_size_ratio", (double) partial / full, "x");
		}
	}

	private static long size(Statement statement, String index) throws Exception {
		try (var rows = statement.executeQuery("select pg_relation_size('" + index + "')")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private void gist(Figures figures, BenchmarkDatabase database) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("""
					create table places (id bigint primary key, archived_at timestamptz, geom geometry(Point, 4326));
					insert into places
					select g, null, ST_SetSRID(ST_MakePoint(-180 + random() * 360, -80 + random() * 160), 4326)
					from generate_series(1, 1000000) g;
					create index ix_places_geom on places using gist (geom);
					analyze places;""");
			String query = """
					select count(*) from places
					where ST_DWithin(geom, ST_SetSRID(ST_MakePoint(2.35, 48.85), 4326), 0.72) = true
					  and ST_DWithin(geography(geom), geography(ST_SetSRID(ST_MakePoint(2.35, 48.85), 4326)), 50000) = true
					  and archived_at is null""";
			Interleaved.Work withIndex = () -> {
				statement.execute("reset enable_indexscan; reset enable_bitmapscan");
				statement.executeQuery(query).close();
				return 1;
			};
			Interleaved.Work withoutIndex = () -> {
				statement.execute("set enable_indexscan = off; set enable_bitmapscan = off");
				statement.executeQuery(query).close();
				return 1;
			};
			Interleaved.Result result = Interleaved.measure(1, 5, withIndex, withoutIndex);
			figures.note("within 50 km of a point, 1,000,000 random points: same query with the GIST index and with "
					+ "index scans turned off, 5 interleaved rounds");
			figures.print("gist_query_ms", result.medianSecondsA() * 1000, "ms");
			figures.print("no_index_query_ms", result.medianSecondsB() * 1000, "ms");
			figures.print("gist_speedup", result.medianRatio(), "x");
		}
	}

}
