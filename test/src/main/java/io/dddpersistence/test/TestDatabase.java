package io.dddpersistence.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

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

	/** The {@code spring.datasource.*} properties that point a Spring context at this database. */
	public String[] springProperties() {
		return new String[] { "spring.datasource.url=" + this.url, "spring.datasource.username=" + this.username,
				"spring.datasource.password=" + this.password, "spring.datasource.driver-class-name=" + driverClassName() };
	}

	/**
	 * This database as seen by a login role that is not a superuser (created when missing, granted
	 * the schema and the database): the role an application under row-level security connects as,
	 * since superusers bypass the policies. PostgreSQL only.
	 */
	public TestDatabase asApplicationRole(String role) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role
					+ "') THEN CREATE ROLE " + role + " LOGIN NOSUPERUSER; END IF; END $$");
			statement.execute("GRANT ALL ON SCHEMA public TO " + role);
			statement.execute("GRANT ALL ON DATABASE " + this.name + " TO " + role);
		}
		return new TestDatabase(this.url, role, "", this.name);
	}

	/** Points the test's Spring context at this database. */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", this::url);
		registry.add("spring.datasource.username", this::username);
		registry.add("spring.datasource.password", this::password);
	}

	/** A simple non-pooled {@link DataSource} for tests that do not start Spring. */
	public DataSource dataSource() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(this.url, this.username, this.password);
		dataSource.setDriverClassName(driverClassName());
		return dataSource;
	}

}
