package io.dddpersistence.autoconfigure;

import io.dddpersistence.eventstore.EventStore;
import io.dddpersistence.outbox.OutboxAdmin;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's tables exist before any bean can use them: a user bean that reads them while it
 * is initialised, created before the library's own beans, still finds them.
 */
class LibrarySchemaOrderingTests {

	private ApplicationContextRunner runnerOnFreshDatabase() {
		TestDatabase database = TestDatabases.create();
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
					OutboxAutoConfiguration.class, EventStoreAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password());
	}

	@Test
	void outboxTableExistsBeforeAUserBeanReadsItDuringItsInitialisation() {
		runnerOnFreshDatabase().withBean(BacklogAtStartup.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(BacklogAtStartup.class).pending).isZero();
		});
	}

	@Test
	void eventStoreTablesExistBeforeAUserBeanReadsThemDuringItsInitialisation() {
		runnerOnFreshDatabase().withBean(StreamAtStartup.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(StreamAtStartup.class).version).isZero();
		});
	}

	@Test
	void theApplicationsOwnFlywayMigratesTheEmptySchemaBeforeTheLibraryCreatesItsTables() {
		// run the other way round, Boot's Flyway finds the library's tables in a schema without a
		// history table and refuses to start
		runnerOnFreshDatabase().withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
			.withPropertyValues("spring.flyway.locations=classpath:db/ordering-app")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(jdbc.queryForList("SELECT script FROM flyway_schema_history WHERE success", String.class))
					.containsExactly("V1__app_table.sql");
				assertThat(jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message", Long.class)).isZero();
				assertThat(jdbc.queryForObject("SELECT count(*) FROM ddd_stored_event", Long.class)).isZero();
			});
	}

	static class BacklogAtStartup implements InitializingBean {

		private final OutboxAdmin admin;

		long pending = -1;

		BacklogAtStartup(OutboxAdmin admin) {
			this.admin = admin;
		}

		@Override
		public void afterPropertiesSet() {
			this.pending = this.admin.backlog().pending();
		}

	}

	static class StreamAtStartup implements InitializingBean {

		private final EventStore store;

		long version = -1;

		StreamAtStartup(EventStore store) {
			this.store = store;
		}

		@Override
		public void afterPropertiesSet() {
			this.version = this.store.currentVersion("order", "o-1");
		}

	}

}
