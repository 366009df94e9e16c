package io.dddpersistence.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Hands out fresh, isolated PostgreSQL databases for tests. The first call in a JVM finds the
 * server (see {@link TestDatabaseServer}) and prepares a template database with PostGIS; every
 * call then clones the template, which takes a few tens of milliseconds. A migrated schema can be
 * kept as a template too ({@link #createMigrated}), so that a schema is migrated once per change of
 * its scripts, not once per test context. Databases are dropped when the JVM exits, so test
 * contexts never see each other's rows; templates stay on the server for the next run.
 */
public final class TestDatabases {

	private static final String TEMPLATE = "ddd_test_template_v1";

	/** The name prefix of the templates of migrated schemas, one per schema key. */
	static final String MIGRATED_PREFIX = "ddd_tpl_";

	private static final int KEPT_TEMPLATES = 20;

	private static final String UNDEFINED_DATABASE = "3D000";

	private static final String DUPLICATE_DATABASE = "42P04";

	private static final Map<String, Future<TestDatabase>> SPARES = new ConcurrentHashMap<>();

	private static final ExecutorService SPARE_MAKER = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "ddd-test-spare-databases");
		thread.setDaemon(true);
		return thread;
	});

	private static volatile TestDatabaseServer server;

	private TestDatabases() {
	}

	/** A new empty database with the {@code postgis} extension installed. */
	public static TestDatabase create() {
		TestDatabaseServer server = server();
		String name = newName();
		server.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
		return registered(server, name);
	}

	private static String newName() {
		return "ddd_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
	}

	// dropped when the JVM exits
	private static TestDatabase registered(TestDatabaseServer server, String name) {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> dropQuietly(server, name), "drop test database " + name));
		return new TestDatabase(server.urlOf(name), server.username(), server.password(), name);
	}

	/**
	 * A new database migrated as {@code migration} migrates an empty one, for tests that migrate
	 * without a Spring context. The first call for a {@code key} creates an empty database, runs
	 * {@code migration} on it and keeps a copy of the result on the server as a template; every
	 * later call for the key, in this JVM or another, clones that template instead, which is much
	 * faster than migrating. The key must change whenever the migration would build another schema
	 * (a hash of the scripts, say); the migration must close its connections before it returns.
	 * @param key lower-case letters, digits and {@code _}, at most 40
	 */
	public static TestDatabase createMigrated(String key, Consumer<TestDatabase> migration) {
		requireKey(key);
		return cloneMigrated(key).orElseGet(() -> {
			TestDatabase database = create();
			migration.accept(database);
			keepAsMigrated(database, key);
			return database;
		});
	}

	/**
	 * The schema key {@code @FreshDatabase} gives a context with this environment: a hash of its
	 * migration settings and of the scripts in its Flyway locations, its Liquibase change log's folder
	 * and the library's scripts; a key for {@link #createMigrated} that changes when they do.
	 */
	public static String schemaKey(ConfigurableEnvironment environment) {
		return SchemaKey.of(environment, TestDatabases.class.getClassLoader());
	}

	/**
	 * A new database cloned from the migrated template of {@code key}, or empty when there is none yet.
	 * Once a key has been cloned, the next clone of it is made in the background (one spare per key),
	 * while the tests of this context run, so that the next context of the schema finds its database
	 * ready.
	 */
	static Optional<TestDatabase> cloneMigrated(String key) {
		requireKey(key);
		TestDatabaseServer server = server();
		TestDatabase database = spare(key);
		if (database == null) {
			database = cloneNow(server, key);
			if (database == null) {
				return Optional.empty();
			}
		}
		SPARES.put(key, SPARE_MAKER.submit(() -> cloneNow(server, key)));
		return Optional.of(database);
	}

	/**
	 * Waits until the spare clones being made in the background are ready, for a measurement that
	 * must not overlap them.
	 */
	public static void awaitSpares() {
		for (Future<TestDatabase> spare : SPARES.values()) {
			try {
				spare.get();
			}
			catch (ExecutionException ex) {
				// the next clone of its key is made then, in the foreground
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	// the spare made for this key, waiting for it if it is still being made; null if there is none
	private static @Nullable TestDatabase spare(String key) {
		Future<TestDatabase> spare = SPARES.remove(key);
		if (spare == null) {
			return null;
		}
		try {
			return spare.get();
		}
		catch (ExecutionException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static @Nullable TestDatabase cloneNow(TestDatabaseServer server, String key) {
		String name = newName();
		try {
			server.executeChecked("CREATE DATABASE " + name + " TEMPLATE " + MIGRATED_PREFIX + key);
		}
		catch (SQLException ex) {
			if (UNDEFINED_DATABASE.equals(ex.getSQLState())) {
				return null;
			}
			throw new IllegalStateException("Could not clone the migrated template " + MIGRATED_PREFIX + key + ": "
					+ ex.getMessage(), ex);
		}
		return registered(server, name);
	}

	/**
	 * Keeps a copy of {@code database}, which nothing may be connected to, as the migrated template of
	 * {@code key}; returns whether the template exists now (made here, or by another JVM first).
	 */
	static boolean keepAsMigrated(TestDatabase database, String key) {
		requireKey(key);
		TestDatabaseServer server = server();
		String template = MIGRATED_PREFIX + key;
		try {
			server.executeChecked("CREATE DATABASE " + template + " TEMPLATE " + database.name());
			// no session may ever hold it open, or cloning it would fail
			server.executeChecked("ALTER DATABASE " + template + " ALLOW_CONNECTIONS false");
			pruneMigrated(server);
			return true;
		}
		catch (SQLException ex) {
			if (DUPLICATE_DATABASE.equals(ex.getSQLState())) {
				return true;
			}
			// still in use, or the server refused: the tests go on migrating, only slower
			return false;
		}
	}

	// templates of schemas that changed since stay behind: keep the newest few
	private static void pruneMigrated(TestDatabaseServer server) throws SQLException {
		try (Connection connection = server.connectAdmin(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
						+ MIGRATED_PREFIX.replace("_", "\\_") + "%' ORDER BY oid DESC OFFSET " + KEPT_TEMPLATES)) {
			while (rows.next()) {
				dropQuietly(server, rows.getString(1));
			}
		}
	}

	private static void requireKey(String key) {
		if (!key.matches("[a-z0-9_]{1,40}")) {
			throw new IllegalArgumentException("A template key is 1 to 40 lower-case letters, digits and _, was '"
					+ key + "'");
		}
	}

	/**
	 * A new empty in-memory H2 database, kept until the JVM exits. H2GIS is loaded into it by the
	 * library's spatial auto-configuration when a context starts on it.
	 */
	public static TestDatabase createH2() {
		String name = "ddd_h2_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		return new TestDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", name);
	}

	private static TestDatabaseServer server() {
		if (server == null) {
			synchronized (TestDatabases.class) {
				if (server == null) {
					TestDatabaseServer found = TestDatabaseServer.find();
					prepareTemplate(found);
					server = found;
				}
			}
		}
		return server;
	}

	/** Creates the template once per server; an advisory lock keeps parallel JVMs from racing. */
	private static void prepareTemplate(TestDatabaseServer server) {
		try (Connection connection = server.connectAdmin(); Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(727274)");
			try {
				boolean exists;
				try (ResultSet rows = statement
					.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + TEMPLATE + "'")) {
					exists = rows.next();
				}
				if (!exists) {
					statement.execute("CREATE DATABASE " + TEMPLATE);
					try (Connection template = java.sql.DriverManager.getConnection(server.urlOf(TEMPLATE),
							server.username(), server.password()); Statement create = template.createStatement()) {
						create.execute("CREATE EXTENSION IF NOT EXISTS postgis");
					}
					catch (SQLException ex) {
						statement.execute("DROP DATABASE IF EXISTS " + TEMPLATE);
						throw new IllegalStateException("""
								The PostgreSQL server for the tests has no PostGIS (%s).
								Install it for the server's major version, e.g. apt-get install postgresql-15-postgis-3,
								or run `bash .ci/run`, which does that.""".formatted(ex.getMessage()), ex);
					}
				}
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(727274)");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the test template database: " + ex.getMessage(), ex);
		}
	}

	private static void dropQuietly(TestDatabaseServer server, String name) {
		try {
			server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (RuntimeException ex) {
			// the JVM is exiting; a leftover database is harmless and has a recognisable name
		}
	}

}
