package io.dddpersistence.test;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user-style Boot application with Flyway migrations and a {@code spring.sql.init} data script:
 * the first context of its schema keeps its migrated database as a template, and a later context of
 * the same schema (another context, as its extra property makes it) starts from a clone, with no
 * migration left to run, its own database, and the data script's rows once, not twice.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class MigratedTemplateIntegrationTests {

	@Nested
	@Order(1)
	@SpringBootTest(classes = App.class, properties = { "spring.flyway.locations=classpath:db/template-app",
			"spring.sql.init.mode=always", "spring.sql.init.data-locations=classpath:template-app-data.sql",
			"app.context=first" })
	@FreshDatabase
	class FirstContext {

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		Migrations migrations;

		@Test
		void isMigratedWithTheDataScriptsRowsOnce() {
			assertThat(this.migrations.executed.get()).isIn(0, 2);
			assertMigratedWithOneSeededRow(this.jdbc);
		}

	}

	@Nested
	@Order(2)
	@SpringBootTest(classes = App.class, properties = { "spring.flyway.locations=classpath:db/template-app",
			"spring.sql.init.mode=always", "spring.sql.init.data-locations=classpath:template-app-data.sql",
			"app.context=second" })
	@FreshDatabase
	class LaterContextOfTheSameSchema {

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		Migrations migrations;

		@Autowired
		Environment environment;

		@Test
		void startsFromACloneOfTheMigratedSchemaWithNothingLeftToMigrate() {
			assertThat(this.migrations.executed.get()).isZero();
			assertMigratedWithOneSeededRow(this.jdbc);
			assertThat(this.environment.getProperty("spring.datasource.url")).contains("/ddd_t_");
			// its rows are its own
			this.jdbc.update("INSERT INTO customer (id, name) VALUES (2, 'only here')");
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM customer", Long.class)).isEqualTo(2);
		}

	}

	@Nested
	@Order(3)
	@SpringBootTest(classes = App.class, properties = { "spring.flyway.locations=classpath:db/template-app",
			"spring.sql.init.mode=always", "spring.sql.init.data-locations=classpath:template-app-data.sql",
			"app.context=third" })
	@FreshDatabase(migratedTemplate = false)
	class WithoutTheTemplate {

		@Autowired
		JdbcTemplate jdbc;

		@Autowired
		Migrations migrations;

		@Test
		void migratesFromScratch() {
			assertThat(this.migrations.executed.get()).isEqualTo(2);
			assertMigratedWithOneSeededRow(this.jdbc);
		}

	}

	static void assertMigratedWithOneSeededRow(JdbcTemplate jdbc) {
		assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
				String.class)).containsExactly("1", "2");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM customer", Long.class)).isOne();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM purchase", Long.class)).isZero();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Migrations migrations() {
			return new Migrations();
		}

		// counts what Flyway applies in this context
		@Bean
		FlywayMigrationStrategy countingMigrations(Migrations migrations) {
			return (flyway) -> migrations.executed.set(flyway.migrate().migrationsExecuted);
		}

	}

	static class Migrations {

		final AtomicInteger executed = new AtomicInteger(-1);

	}

}
