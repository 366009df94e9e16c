package io.dddpersistence.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.eventstore.EventStore;
import io.dddpersistence.eventstore.NewEvent;
import io.dddpersistence.outbox.OutboundMessage;
import io.dddpersistence.outbox.OutboxWriter;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import org.junit.jupiter.api.Test;

import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The library's tables in a schema of their own and with a prefix of their own
 * ({@code ddd.persistence.outbox.schema.name/table-prefix}, the same for the event store): created
 * there by the library's scripts, used there by every statement (write, claim, mark, append, read,
 * the optimistic-concurrency translation), and two prefixes side by side in one schema never collide.
 */
class LibraryTablesIntegrationTests {

	private final TestDatabase database = TestDatabases.create();

	private ApplicationContextRunner runner(TestDatabase database, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
					FlywayAutoConfiguration.class, OutboxAutoConfiguration.class, EventStoreAutoConfiguration.class))
			.withPropertyValues(database.springProperties())
			.withPropertyValues("spring.flyway.enabled=false", "ddd.persistence.outbox.poll-interval=50ms")
			.withPropertyValues(properties);
	}

	@Test
	void theTablesLiveInTheirSchemaWithTheirPrefixAndEveryStatementFindsThem() {
		runner(this.database, "ddd.persistence.outbox.schema.name=messaging",
				"ddd.persistence.outbox.schema.table-prefix=acme_", "ddd.persistence.event-store.schema.name=messaging",
				"ddd.persistence.event-store.schema.table-prefix=acme_")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(tables(jdbc, "messaging")).contains("acme_outbox_message", "acme_outbox_schema_history",
						"acme_stored_event", "acme_event_snapshot", "acme_event_subscription", "acme_event_parked",
						"acme_event_store_schema_history");
				assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'ddd\\_%'",
						Long.class)).isZero();
				assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = 'messaging' "
						+ "AND tablename = 'acme_outbox_message'", String.class))
					.contains("pk_acme_outbox_message", "ix_acme_outbox_message_pending");
				assertThat(context.getBean("dddOutboxFlyway", Flyway.class).getConfiguration().getTable())
					.isEqualTo("acme_outbox_schema_history");

				writeAndAwaitPublished(context, "messaging.acme_outbox_message");
				appendReadAndConflict(context);
				assertThat(jdbc.queryForObject("SELECT count(*) FROM messaging.acme_stored_event", Long.class))
					.isEqualTo(2);
			});
	}

	@Test
	void withNoSchemaOfTheirOwnTheTablesFollowTheApplicationsFlywaySchemaOffTheSearchPath() {
		runner(this.database, "spring.flyway.enabled=true", "spring.flyway.default-schema=app",
				"spring.flyway.schemas=app", "spring.flyway.locations=classpath:db/ordering-app")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(tables(jdbc, "app")).contains("ddd_outbox_message", "ddd_stored_event");
				// the connection's search path does not reach app: only qualified statements find the tables
				assertThat(jdbc.queryForObject("SELECT current_schemas(false)::text", String.class))
					.doesNotContain("app");
				writeAndAwaitPublished(context, "app.ddd_outbox_message");
				appendReadAndConflict(context);
			});
	}

	@Test
	void twoPrefixesShareOneSchemaWithoutCollidingNamesOrRows() {
		runner(this.database, "ddd.persistence.outbox.schema.table-prefix=billing_",
				"ddd.persistence.event-store.enabled=false")
			.run((billing) -> {
				assertThat(billing).hasNotFailed();
				runner(this.database, "ddd.persistence.outbox.schema.table-prefix=shipping_",
						"ddd.persistence.event-store.enabled=false")
					.run((shipping) -> {
						assertThat(shipping).hasNotFailed();
						writeAndAwaitPublished(billing, "billing_outbox_message");
						JdbcTemplate jdbc = shipping.getBean(JdbcTemplate.class);
						assertThat(jdbc.queryForObject("SELECT count(*) FROM shipping_outbox_message", Long.class))
							.isZero();
						assertThat(jdbc.queryForObject("SELECT count(*) FROM billing_outbox_message", Long.class))
							.isOne();
						assertThat(jdbc.queryForList("SELECT version FROM shipping_outbox_schema_history "
								+ "WHERE success ORDER BY installed_rank", String.class)).contains("1", "2");
					});
			});
	}

	@Test
	void onH2TooTheTablesLiveInTheirSchemaWithTheirPrefix() {
		TestDatabase h2 = TestDatabases.createH2();
		runner(h2, "ddd.persistence.outbox.schema.name=messaging", "ddd.persistence.outbox.schema.table-prefix=acme_",
				"ddd.persistence.event-store.schema.name=messaging",
				"ddd.persistence.event-store.schema.table-prefix=acme_")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				writeAndAwaitPublished(context, "messaging.acme_outbox_message");
				appendReadAndConflict(context);
				assertThat(context.getBean(JdbcTemplate.class)
					.queryForObject("SELECT count(*) FROM messaging.acme_event_append_lock", Long.class)).isOne();
			});
	}

	@Test
	void aPrefixThatIsNotAPlainIdentifierStopsStartUpNamingTheProperty() {
		runner(this.database, "ddd.persistence.outbox.schema.table-prefix=acme-")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.outbox.schema.table-prefix")
				.hasMessageContaining("acme-"));
	}

	@Test
	void withTheDefaultsTheTablesKeepTheirNamesAndTheScriptsTheirChecksums() {
		runner(this.database, "ddd.persistence.event-store.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(tables(jdbc, "public")).contains("ddd_outbox_message", "ddd_outbox_schema_history");
			// the checksums of the scripts as they ship, which a database migrated before the setting existed holds
			Flyway plain = Flyway.configure()
				.dataSource(context.getBean(javax.sql.DataSource.class))
				.locations("classpath:db/ddd-persistence/outbox/postgresql")
				.table("ddd_outbox_schema_history")
				.load();
			assertThat(plain.validateWithResult().validationSuccessful).isTrue();
		});
	}

	private static void writeAndAwaitPublished(ApplicationContext context, String table) {
		TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		transactions.executeWithoutResult(
				(status) -> context.getBean(OutboxWriter.class).write(OutboundMessage.of("orders", Map.of("n", 1))));
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForList("SELECT status FROM " + table, String.class), List.of("PUBLISHED")::equals);
	}

	private static void appendReadAndConflict(ApplicationContext context) {
		EventStore store = context.getBean(EventStore.class);
		store.appendBatch(0, List.of(NewEvent.of("Cart", "c-1", "ItemAdded", "{\"sku\":\"a\"}"),
				NewEvent.of("Cart", "c-1", "ItemAdded", "{\"sku\":\"b\"}")));
		assertThat(store.readStream("Cart", "c-1")).hasSize(2);
		assertThat(store.currentVersion("Cart", "c-1")).isEqualTo(2);
		assertThatExceptionOfType(OptimisticConcurrencyException.class)
			.isThrownBy(() -> store.append(1, NewEvent.of("Cart", "c-1", "ItemAdded", "{\"sku\":\"c\"}")));
	}

	private static List<String> tables(JdbcTemplate jdbc, String schema) {
		return jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = ?", String.class, schema);
	}

}
