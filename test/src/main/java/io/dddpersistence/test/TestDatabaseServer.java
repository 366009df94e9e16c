package io.dddpersistence.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server the tests run on, found once per JVM in this order: an explicit JDBC URL
 * from {@value #URL_VARIABLE}; Testcontainers with a PostGIS image when Docker is available; the
 * local server at 127.0.0.1:5432 (user postgres). Fails with one message saying how to provide
 * one when none is reachable.
 */
final class TestDatabaseServer {

	static final String URL_VARIABLE = "DDD_TEST_JDBC_URL";

	static final String USER_VARIABLE = "DDD_TEST_JDBC_USER";

	static final String PASSWORD_VARIABLE = "DDD_TEST_JDBC_PASSWORD";

	static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

	static final String POSTGIS_IMAGE = PostgisContainers.IMAGE;

	private final String adminUrl;

	private final String username;

	private final String password;

	private final String origin;

	private TestDatabaseServer(String adminUrl, String username, String password, String origin) {
		this.adminUrl = adminUrl;
		this.username = username;
		this.password = password;
		this.origin = origin;
	}

	static TestDatabaseServer find() {
		String explicit = System.getenv(URL_VARIABLE);
		if (explicit != null && !explicit.isBlank()) {
			TestDatabaseServer server = new TestDatabaseServer(explicit, envOr(USER_VARIABLE, "postgres"),
					envOr(PASSWORD_VARIABLE, ""), URL_VARIABLE);
			server.check();
			return server;
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = PostgisContainers.postgis();
			// the contexts' pools need room; the CDC tests read the log through logical decoding
			container.withCommand("postgres", "-c", "max_connections=300", "-c", "wal_level=logical");
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
			return new TestDatabaseServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"Testcontainers " + POSTGIS_IMAGE);
		}
		TestDatabaseServer local = new TestDatabaseServer(LOCAL_URL, "postgres", "", "local server");
		local.check();
		return local;
	}

	private static boolean dockerAvailable() {
		// ask Testcontainers only when a Docker engine can be there at all: it logs loudly otherwise
		if (System.getenv("DOCKER_HOST") == null && !new java.io.File("/var/run/docker.sock").exists()
				&& !new java.io.File(System.getProperty("user.home"), ".testcontainers.properties").exists()) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	private void check() {
		try (Connection connection = connectAdmin()) {
			connection.isValid(2);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("""
					No PostgreSQL server with PostGIS is reachable for the tests (tried %s at %s: %s).
					Provide one of:
					  - %s=jdbc:postgresql://host:port/postgres (and %s, %s), a user allowed to CREATE DATABASE;
					  - a running Docker engine, so that Testcontainers starts %s;
					  - a local PostgreSQL 15+ with PostGIS 3 on 127.0.0.1:5432, trust auth for user postgres
					    (on Debian: apt-get install postgresql postgresql-15-postgis-3, or run `bash .ci/run`).
					""".formatted(this.origin, this.adminUrl, ex.getMessage(), URL_VARIABLE, USER_VARIABLE,
					PASSWORD_VARIABLE, POSTGIS_IMAGE), ex);
		}
	}

	Connection connectAdmin() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.username);
		properties.setProperty("password", this.password);
		return DriverManager.getConnection(this.adminUrl, properties);
	}

	/** The JDBC URL of another database on the same server, keeping the admin URL's parameters. */
	String urlOf(String database) {
		int slash = this.adminUrl.indexOf('/', "jdbc:postgresql://".length());
		int query = this.adminUrl.indexOf('?', slash);
		String parameters = (query >= 0) ? this.adminUrl.substring(query) : "";
		return this.adminUrl.substring(0, slash + 1) + database + parameters;
	}

	String username() {
		return this.username;
	}

	String password() {
		return this.password;
	}

	void executeChecked(String sql) throws SQLException {
		try (Connection connection = connectAdmin(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	void execute(String sql) {
		try (Connection connection = connectAdmin(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Test database set-up failed on '" + sql + "': " + ex.getMessage(), ex);
		}
	}

}
