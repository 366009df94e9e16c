package io.dddpersistence.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One fresh database for one test context: PostgreSQL with PostGIS (dropped when the JVM exits)
 * or an in-memory H2 (gone when the JVM exits). Obtain one with {@link TestDatabases#create()}.
 *
 * @param url the JDBC URL of the database
 * @param username the user to connect as
 * @param password the password, empty for trust authentication
 * @param name the database name
 */
public record TestDatabase(String url, String username, String password, String name) {

	/** Opens a new connection; the caller closes it. */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.username, this.password);
	}

	/** The JDBC driver of the database. */
	public String driverClassName() {
		return this.url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver";
	}

	/** A simple non-pooled {@link DataSource} for tests that do not start Spring. */
	public DataSource dataSource() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(this.url, this.username, this.password);
		dataSource.setDriverClassName(driverClassName());
		return dataSource;
	}

}
