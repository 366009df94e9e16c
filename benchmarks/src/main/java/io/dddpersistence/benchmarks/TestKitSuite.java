package io.dddpersistence.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dddpersistence.migration.LibrarySchema;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;

import org.flywaydb.core.Flyway;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The test kit's fresh database per test context: what a context waits for before its beans use
 * the database, with the library's tables (outbox, event store) and a user schema of 20 tables
 * migrated by Flyway from its own folder.
 * <ul>
 * <li>template: the schema key of the context's settings and scripts, a clone of the migrated
 * template of that key, then the context's Flyway runs (the application's and the library's),
 * which find nothing to apply;</li>
 * <li>migrate: a clone of the empty PostGIS template, then the same Flyway runs, which apply every
 * script (what each context did before the migrated templates);</li>
 * <li>from scratch (a note): an empty database, {@code CREATE EXTENSION postgis}, then the scripts.</li>
 * </ul>
 * The two sides run interleaved; the speedup is the median of the per-round ratios.
 */
public class TestKitSuite implements Suite {

	private static final int USER_TABLES = 20;

	@Override
	public void run(Figures figures) throws Exception {
		Path scripts = userScripts();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("context",
					Map.of("spring.flyway.locations", "filesystem:" + scripts, "app.context", "benchmark")));
		// the spare clone made after each template-side round is ready before the next side runs: in a
		// suite it is made while the context's tests run, and here it must slow neither side
		String key = TestDatabases.schemaKey(environment);
		List<Double> template = new ArrayList<>();
		List<Double> migrate = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		for (int round = 0; round < 3 + 15; round++) {
			TestDatabases.awaitSpares();
			long start = System.nanoTime();
			TestDatabase database = TestDatabases.createMigrated(TestDatabases.schemaKey(environment),
					(empty) -> migrate(empty, scripts));
			migrate(database, scripts);
			double templateMillis = (System.nanoTime() - start) / 1e6;
			TestDatabases.awaitSpares();
			start = System.nanoTime();
			migrate(TestDatabases.create(), scripts);
			double migrateMillis = (System.nanoTime() - start) / 1e6;
			if (round >= 3) {
				template.add(templateMillis);
				migrate.add(migrateMillis);
				ratios.add(migrateMillis / templateMillis);
			}
		}
		double fresh = Interleaved.median(template);
		double scratch = fromScratchMillis(scripts);
		breakdown(figures, environment, scripts, key);
		figures.note("user schema: " + USER_TABLES + " tables in " + USER_TABLES
				+ " Flyway scripts, plus the library's outbox and event store scripts; 3 warm-up rounds, 15 measured");
		figures.note("migrate from a PostGIS template: " + String.format("%.1f", Interleaved.median(migrate))
				+ " ms; from an empty database with CREATE EXTENSION postgis: " + String.format("%.1f", scratch) + " ms");
		figures.print("fresh_database_ms", fresh, "ms");
		figures.print("migrate_ms", Interleaved.median(migrate), "ms");
		figures.print("speedup_vs_migrate", Interleaved.median(ratios), "x");
		figures.print("speedup_vs_from_scratch", scratch / fresh, "x");
	}

	// where the template side's time goes, medians of 9: the key, the clone, the Flyway runs that find nothing
	private static void breakdown(Figures figures, StandardEnvironment environment, Path scripts, String key)
			throws SQLException {
		TestDatabase server = TestDatabases.create();
		double[] keys = new double[9];
		double[] clones = new double[9];
		double[] flyways = new double[9];
		for (int i = 0; i < 9; i++) {
			TestDatabases.awaitSpares();
			long start = System.nanoTime();
			TestDatabases.schemaKey(environment);
			long keyed = System.nanoTime();
			// as without a spare ready: cloned now, on the template the kit keeps for the key
			TestDatabase database = cloneNow(server, key);
			long cloned = System.nanoTime();
			migrate(database, scripts);
			long migrated = System.nanoTime();
			drop(server, database.name());
			keys[i] = (keyed - start) / 1e6;
			clones[i] = (cloned - keyed) / 1e6;
			flyways[i] = (migrated - cloned) / 1e6;
		}
		figures.note(String.format("template side: schema key %.1f ms, clone (no spare ready) %.1f ms, Flyway runs "
				+ "with nothing to apply %.1f ms", median(keys), median(clones), median(flyways)));
		figures.print("fresh_database_without_spare_ms", median(keys) + median(clones) + median(flyways), "ms");
		double[][] parts = new double[4][9];
		for (int i = 0; i < 9; i++) {
			TestDatabase database = TestDatabases.createMigrated(key, (empty) -> migrate(empty, scripts));
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(database.url());
			config.setUsername(database.username());
			config.setPassword(database.password());
			config.setMinimumIdle(1);
			long t0 = System.nanoTime();
			try (HikariDataSource dataSource = new HikariDataSource(config)) {
				try (java.sql.Connection c = dataSource.getConnection()) {
					c.isValid(1);
				}
				long t1 = System.nanoTime();
				Flyway.configure().dataSource(dataSource).locations("filesystem:" + scripts).load().migrate();
				long t2 = System.nanoTime();
				new LibrarySchema(dataSource, "outbox").migrate();
				long t3 = System.nanoTime();
				new LibrarySchema(dataSource, "event-store").migrate();
				long t4 = System.nanoTime();
				parts[0][i] = (t1 - t0) / 1e6;
				parts[1][i] = (t2 - t1) / 1e6;
				parts[2][i] = (t3 - t2) / 1e6;
				parts[3][i] = (t4 - t3) / 1e6;
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
		figures.note(String.format("nothing to apply: pool %.1f ms, application Flyway %.1f ms, outbox %.1f ms, event store %.1f ms",
				median(parts[0]), median(parts[1]), median(parts[2]), median(parts[3])));
	}

	private static TestDatabase cloneNow(TestDatabase server, String key) throws SQLException {
		String name = "ddd_bench_clone_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection admin = DriverManager.getConnection(server.url(), server.username(), server.password());
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " TEMPLATE ddd_tpl_" + key);
		}
		return new TestDatabase(server.url().replace("/" + server.name(), "/" + name), server.username(),
				server.password(), name);
	}

	private static void drop(TestDatabase server, String name) throws SQLException {
		try (Connection admin = DriverManager.getConnection(server.url(), server.username(), server.password());
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE " + name + " WITH (FORCE)");
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	// what a context's Flyway runs do: the application's scripts, then the library's two capabilities
	// on a pool as a context's (one idle connection kept), closed after: a template is taken of a database
	// nothing is connected to
	private static void migrate(TestDatabase database, Path scripts) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.url());
		config.setUsername(database.username());
		config.setPassword(database.password());
		config.setMinimumIdle(1);
		try (HikariDataSource dataSource = new HikariDataSource(config)) {
			Flyway.configure().dataSource(dataSource).locations("filesystem:" + scripts).load().migrate();
			new LibrarySchema(dataSource, "outbox").migrate();
			new LibrarySchema(dataSource, "event-store").migrate();
		}
	}

	// a median of 5: a database with no template of ours, the extension installed, then migrated
	private double fromScratchMillis(Path scripts) throws Exception {
		TestDatabase server = TestDatabases.create();
		double[] millis = new double[5];
		for (int i = 0; i < millis.length; i++) {
			String name = "ddd_scratch_" + i + "_" + ProcessHandle.current().pid();
			long start = System.nanoTime();
			try (Connection admin = DriverManager.getConnection(server.url(), server.username(), server.password());
					Statement statement = admin.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
			TestDatabase empty = new TestDatabase(server.url().replace("/" + server.name(), "/" + name),
					server.username(), server.password(), name);
			try (Connection connection = empty.connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE EXTENSION postgis");
			}
			migrate(empty, scripts);
			millis[i] = (System.nanoTime() - start) / 1e6;
			try (Connection admin = DriverManager.getConnection(server.url(), server.username(), server.password());
					Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE " + name + " WITH (FORCE)");
			}
		}
		java.util.Arrays.sort(millis);
		return millis[millis.length / 2];
	}

	// 20 tables, each with a foreign key to the one before, an index on it, a unique and a check constraint
	private static Path userScripts() throws IOException {
		// the same folder every run: its path is part of the schema key
		Path folder = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "ddd-test-kit-user-schema"));
		for (int i = 1; i <= USER_TABLES; i++) {
			StringBuilder sql = new StringBuilder();
			sql.append("CREATE TABLE user_table_").append(i).append(" (\n")
				.append("    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n")
				.append("    code varchar(64) NOT NULL UNIQUE,\n")
				.append("    name varchar(255) NOT NULL,\n")
				.append("    amount numeric(12, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),\n")
				.append("    attributes jsonb NOT NULL DEFAULT '{}'::jsonb,\n")
				.append("    created_at timestamptz NOT NULL DEFAULT now(),\n")
				.append("    archived_at timestamptz");
			if (i > 1) {
				sql.append(",\n    parent_id bigint REFERENCES user_table_").append(i - 1).append(" (id) ON DELETE CASCADE");
			}
			sql.append("\n);\n");
			sql.append("CREATE INDEX ix_user_table_").append(i).append("_active ON user_table_").append(i)
				.append(" (created_at) WHERE archived_at IS NULL;\n");
			if (i > 1) {
				sql.append("CREATE INDEX ix_user_table_").append(i).append("_parent ON user_table_").append(i)
					.append(" (parent_id);\n");
			}
			Path script = folder.resolve("V" + i + "__user_table_" + i + ".sql");
			Files.writeString(script, sql, StandardCharsets.UTF_8);
		}
		return folder;
	}

}
