package io.dddpersistence.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Hands out fresh, isolated PostgreSQL databases for tests. The first call in a JVM finds the
 * server (see {@link TestDatabaseServer}) and prepares a template database with PostGIS; every
 * call then clones the template, which takes a few tens of milliseconds. Databases are dropped
 * when the JVM exits, so test contexts never see each other's rows.
 */
public final class TestDatabases {

	private static final String TEMPLATE = "ddd_test_template_v1";

	private static volatile TestDatabaseServer server;

	private TestDatabases() {
	}

	/** A new empty database with the {@code postgis} extension installed. */
	public static TestDatabase create() {
		TestDatabaseServer server = server();
		String name = "ddd_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
		server.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> dropQuietly(server, name), "drop test database " + name));
		return new TestDatabase(server.urlOf(name), server.username(), server.password(), name);
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
