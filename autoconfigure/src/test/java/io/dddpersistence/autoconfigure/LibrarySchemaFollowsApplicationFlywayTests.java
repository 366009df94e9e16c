package io.dddpersistence.autoconfigure;

import java.util.Map;
import java.util.UUID;

import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import org.junit.jupiter.api.Test;

import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.actuate.endpoint.FlywayEndpoint;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's scripts run by a Flyway that follows the application's (spring.flyway.*): same
 * credentials and schemas, listed by /actuator/flyway, after or before the application's own
 * migrations as the property says, and never a Flyway that the application's beans get injected.
 */
class LibrarySchemaFollowsApplicationFlywayTests {

	private final TestDatabase database = TestDatabases.create();

	private ApplicationContextRunner runner(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
					FlywayAutoConfiguration.class, OutboxAutoConfiguration.class, EventStoreAutoConfiguration.class))
			.withPropertyValues(this.database.springProperties())
			.withPropertyValues(properties);
	}

	@Test
	void theLibrarysScriptsRunWithTheApplicationsFlywayCredentialsAndSchema() {
		String migrator = "ddd_migrator_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		JdbcTemplate admin = new JdbcTemplate(this.database.dataSource());
		admin.execute("CREATE ROLE " + migrator + " LOGIN");
		admin.execute("GRANT CREATE ON DATABASE \"" + this.database.name() + "\" TO " + migrator);
		try {
			runner("spring.datasource.url=" + this.database.url() + "?currentSchema=app,public",
					"spring.flyway.user=" + migrator, "spring.flyway.password=unused",
					"spring.flyway.default-schema=app", "spring.flyway.schemas=app",
					"spring.flyway.locations=classpath:db/ordering-app", "spring.flyway.placeholders.region=eu")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					Map<String, Object> history = admin.queryForMap(
							"SELECT installed_by, script FROM app.ddd_outbox_schema_history WHERE version = '1'");
					assertThat(history).containsEntry("installed_by", migrator);
					assertThat(admin.queryForObject("SELECT tableowner FROM pg_tables "
							+ "WHERE schemaname = 'app' AND tablename = 'ddd_outbox_message'", String.class))
						.isEqualTo(migrator);
					assertThat(admin.queryForObject("SELECT count(*) FROM pg_tables "
							+ "WHERE schemaname = 'app' AND tablename = 'ddd_stored_event'", Long.class)).isOne();
					Flyway library = context.getBean("dddOutboxFlyway", Flyway.class);
					assertThat(library.getConfiguration().getPlaceholders()).containsEntry("region", "eu");
					assertThat(library.getConfiguration().getTable()).isEqualTo("ddd_outbox_schema_history");
				});
		}
		finally {
			admin.execute("DROP SCHEMA IF EXISTS app CASCADE");
			admin.execute("REVOKE ALL ON DATABASE \"" + this.database.name() + "\" FROM " + migrator);
			admin.execute("DROP ROLE " + migrator);
		}
	}

	@Test
	void actuatorListsTheLibrarysFlywaysBesideTheApplicationsWhichStaysTheOneInjected() {
		runner("spring.flyway.locations=classpath:db/ordering-app").run((context) -> {
			assertThat(context).hasNotFailed();
			Map<String, FlywayEndpoint.FlywayDescriptor> listed = new FlywayEndpoint(context).flywayBeans()
				.getContexts()
				.get(context.getId())
				.getFlywayBeans();
			assertThat(listed).containsOnlyKeys("flyway", "dddOutboxFlyway", "eventStoreFlyway");
			assertThat(listed.get("dddOutboxFlyway").getMigrations()).extracting("script")
				.contains("V1__outbox.sql", "V2__outbox_retention_on_primary_key.sql");
			assertThat(listed.get("flyway").getMigrations()).extracting("script").containsExactly("V1__app_table.sql");
			// what Boot and the application get injected is the application's Flyway alone
			assertThat(context.getBeanProvider(Flyway.class).getIfUnique()).isSameAs(context.getBean("flyway", Flyway.class));
			assertThat(context.getBean(Flyway.class)).isSameAs(context.getBean("flyway", Flyway.class));
		});
	}

	@Test
	void withBeforeApplicationTheApplicationsMigrationsMayUseTheLibrarysTables() {
		runner("spring.flyway.locations=classpath:db/app-over-library", "spring.flyway.baseline-on-migrate=true",
				"spring.flyway.baseline-version=0", "ddd.persistence.outbox.schema.order=before-application")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(jdbc.queryForObject("SELECT count(*) FROM pending_messages", Long.class)).isZero();
				assertThat(jdbc.queryForList("SELECT script FROM flyway_schema_history WHERE success", String.class))
					.contains("V1__view_over_outbox.sql");
			});
	}

	@Test
	void byDefaultTheApplicationsMigrationsRunFirst() {
		runner("spring.flyway.locations=classpath:db/app-over-library")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("ddd_outbox_message"));
	}

}
