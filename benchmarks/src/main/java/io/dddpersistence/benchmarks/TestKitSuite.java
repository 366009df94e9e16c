package io.dddpersistence.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import io.dddpersistence.migration.LibrarySchema;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;

import org.flywaydb.core.Flyway;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

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
		Interleaved.Result result = Interleaved.measure(3, 15, () -> {
			TestDatabase database = TestDatabases.createMigrated(TestDatabases.schemaKey(environment),
					(empty) -> migrate(empty, scripts));
			migrate(database, scripts);
			return 1;
		}, () -> {
			migrate(TestDatabases.create(), scripts);
			return 1;
		});
		double scratch = fromScratchMillis(scripts);
		figures.note("user schema: " + USER_TABLES + " tables in " + USER_TABLES
				+ " Flyway scripts, plus the library's outbox and event store scripts; 3 warm-up rounds, 15 measured");
		figures.note("migrate from a PostGIS template: " + String.format("%.1f", result.medianSecondsB() * 1000)
				+ " ms; from an empty database with CREATE EXTENSION postgis: " + String.format("%.1f", scratch) + " ms");
		figures.print("fresh_database_ms", result.medianSecondsA() * 1000, "ms");
		figures.print("migrate_ms", result.medianSecondsB() * 1000, "ms");
		figures.print("speedup_vs_migrate", result.medianRatio(), "x");
		figures.print("speedup_vs_from_scratch", scratch / (result.medianSecondsA() * 1000), "x");
	}

	// what a context's Flyway runs do: the application's scripts, then the library's two capabilities
	private static void migrate(TestDatabase database, Path scripts) {
		DataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), database.url(),
				database.username(), database.password());
		Flyway.configure().dataSource(dataSource).locations("filesystem:" + scripts).load().migrate();
		new LibrarySchema(dataSource, "outbox").migrate();
		new LibrarySchema(dataSource, "event-store").migrate();
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
