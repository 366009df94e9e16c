package io.dddpersistence.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;

/**
 * A database of the benchmark's own on the tests' PostgreSQL, created now and dropped when the JVM
 * exits. Every side of a comparison uses {@link #url()}, so the JDBC settings (such as
 * {@code reWriteBatchedInserts=true}) are the same for all of them.
 */
public final class BenchmarkDatabase {

	private final TestDatabase database;

	private final String url;

	private BenchmarkDatabase(TestDatabase database) {
		this.database = database;
		this.url = database.url() + (database.url().contains("?") ? "&" : "?")
				+ "reWriteBatchedInserts=true&options=-c%20synchronous_commit%3Doff";
	}

	public static BenchmarkDatabase create() {
		return new BenchmarkDatabase(TestDatabases.create());
	}

	/** The JDBC URL both sides use; it turns {@code synchronous_commit} off on every connection. */
	public String url() {
		return this.url;
	}

	public String username() {
		return this.database.username();
	}

	public String password() {
		return this.database.password();
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.database.username(), this.database.password());
	}

	public void execute(String sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
