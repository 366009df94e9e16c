package io.dddpersistence.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @FreshDatabase} points a test context's {@code spring.datasource.*} at a database of its
 * own: PostgreSQL with PostGIS cloned from the template, or an in-memory H2.
 */
class FreshDatabaseTests {

	@Nested
	@SpringJUnitConfig(Empty.class)
	@FreshDatabase
	class OnPostgres {

		@Autowired
		Environment environment;

		@Test
		void theContextGetsAnEmptyPostgisDatabaseOfItsOwn() throws Exception {
			String url = this.environment.getRequiredProperty("spring.datasource.url");
			assertThat(url).startsWith("jdbc:postgresql:").contains("/ddd_t_");
			try (Connection connection = DriverManager.getConnection(url,
					this.environment.getRequiredProperty("spring.datasource.username"),
					this.environment.getProperty("spring.datasource.password", ""));
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
							+ "AND tablename <> 'spatial_ref_sys'")) {
				rows.next();
				assertThat(rows.getInt(1)).isZero();
			}
		}

	}

	@Nested
	@SpringJUnitConfig(Empty.class)
	@FreshDatabase(Database.H2)
	class OnH2 {

		@Autowired
		Environment environment;

		@Test
		void theContextGetsAnInMemoryH2OfItsOwn() {
			assertThat(this.environment.getRequiredProperty("spring.datasource.url")).startsWith("jdbc:h2:mem:ddd_h2_");
			assertThat(this.environment.getRequiredProperty("spring.datasource.driver-class-name"))
				.isEqualTo("org.h2.Driver");
		}

	}

	static class Empty {

	}

}
