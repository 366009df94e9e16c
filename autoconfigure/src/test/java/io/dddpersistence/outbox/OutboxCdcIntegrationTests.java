package io.dddpersistence.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.dddpersistence.autoconfigure.OutboxAutoConfiguration;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cdc relay: Debezium's embedded engine with its PostgreSQL connector (pgoutput) and the outbox
 * event router reads the library's table as it is, with the configuration docs/outbox.md gives, while
 * no poller runs. The server must run with {@code wal_level=logical} (CI sets it).
 */
class OutboxCdcIntegrationTests {

	// replication slots are the server's, so each run takes its database's name for its own
	private static String SLOT = "";

	private static final String PUBLICATION = "ddd_outbox_cdc_test";

	private static TestDatabase database;

	private static JdbcTemplate admin;

	private static ExecutorService executor;

	private static DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;

	private static final List<SourceRecord> routed = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, OutboxAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password(), "ddd.persistence.outbox.relay=cdc");

	@BeforeAll
	static void startTheConnector() {
		database = TestDatabases.create();
		admin = new JdbcTemplate(database.dataSource());
		SLOT = database.name();
		assertThat(admin.queryForObject("SHOW wal_level", String.class))
			.as("the CDC test needs the PostgreSQL server to run with wal_level = logical (bash .ci/run sets it); "
					+ "ALTER SYSTEM SET wal_level = logical, then restart the server")
			.isEqualTo("logical");
		// the library creates its table; the connector then captures what is inserted into it
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, OutboxAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.url(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "ddd.persistence.outbox.relay=cdc")
			.run((context) -> assertThat(context).hasNotFailed());
		engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
			.using(connectorConfiguration())
			.notifying((event) -> routed.add(event.record()))
			.build();
		executor = Executors.newSingleThreadExecutor();
		executor.execute(engine);
		// the slot's consistent point: every transaction committed after it is streamed
		await().atMost(Duration.ofSeconds(90))
			.until(() -> admin.queryForObject(
					"SELECT count(*) FROM pg_replication_slots WHERE slot_name = ? AND active", Long.class, SLOT) == 1);
	}

	@AfterAll
	static void stopTheConnector() throws Exception {
		if (engine != null) {
			engine.close();
		}
		if (executor != null) {
			executor.shutdown();
		}
		dropSlotAndPublication();
	}

	/** The connector as docs/outbox.md ("Outgrowing the poller") configures it, with test connection values. */
	private static Properties connectorConfiguration() {
		URI url = URI.create(database.url().substring("jdbc:".length()));
		Properties config = new Properties();
		config.setProperty("name", "ddd-outbox");
		config.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
		config.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
		config.setProperty("database.hostname", url.getHost());
		config.setProperty("database.port", String.valueOf(url.getPort()));
		config.setProperty("database.user", database.username());
		config.setProperty("database.password", database.password());
		config.setProperty("database.dbname", database.name());
		config.setProperty("topic.prefix", "ddd");
		config.setProperty("plugin.name", "pgoutput");
		config.setProperty("slot.name", SLOT);
		config.setProperty("slot.drop.on.stop", "true");
		config.setProperty("publication.name", PUBLICATION);
		config.setProperty("publication.autocreate.mode", "filtered");
		config.setProperty("table.include.list", "public.ddd_outbox_message");
		config.setProperty("snapshot.mode", "no_data");
		config.setProperty("tombstones.on.delete", "false");
		config.setProperty("transforms", "outbox");
		config.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
		config.setProperty("transforms.outbox.table.field.event.id", "id");
		config.setProperty("transforms.outbox.table.field.event.key", "message_key");
		config.setProperty("transforms.outbox.table.field.event.type", "event_type");
		config.setProperty("transforms.outbox.table.field.event.payload", "payload");
		config.setProperty("transforms.outbox.route.by.field", "destination");
		config.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
		config.setProperty("transforms.outbox.table.fields.additional.placement",
				"id:header:ddd-outbox-id,event_type:header:ddd-outbox-event-type,headers:header:ddd-outbox-headers");
		config.setProperty("transforms.outbox.table.op.invalid.behavior", "warn");
		return config;
	}

	@Test
	void noPollerRunsAndTheRouterPublishesCommittedMessagesWithTopicKeyIdTypeAndPayload() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(OutboxWriter.class).doesNotHaveBean(OutboxPoller.class);
			OutboxWriter writer = context.getBean(OutboxWriter.class);
			TransactionTemplate transaction = new TransactionTemplate(
					new DataSourceTransactionManager(context.getBean(DataSource.class)));
			String order = UUID.randomUUID().toString();
			List<UUID> placed = transaction.execute((status) -> writer.writeAll(List.of(
					OutboundMessage.of("orders", Map.of("order", order, "line", 1))
						.eventType("OrderPlaced")
						.key(order)
						.header("tenant", "acme"),
					OutboundMessage.of("orders", Map.of("order", order, "line", 2))
						.eventType("OrderLineAdded")
						.key(order))));
			UUID[] rolledBack = new UUID[1];
			transaction.executeWithoutResult((status) -> {
				rolledBack[0] = writer.write(OutboundMessage.of("orders", Map.of("order", "never")).key("never"));
				status.setRollbackOnly();
			});
			UUID paid = transaction.execute((status) -> writer
				.write(OutboundMessage.of("payments", Map.of("order", order)).eventType("OrderPaid").key(order)));

			await().atMost(Duration.ofSeconds(60)).until(() -> routedIds().contains(paid.toString()));
			// the log is read in commit order: the rolled-back message would have come before the payment
			assertThat(routedIds()).containsSubsequence(placed.get(0).toString(), placed.get(1).toString(),
					paid.toString())
				.doesNotContain(rolledBack[0].toString());
			SourceRecord first = record(placed.get(0));
			assertThat(first.topic()).isEqualTo("orders");
			assertThat(first.key()).isEqualTo(order);
			assertThat(header(first, OutboxMessage.EVENT_TYPE_HEADER)).isEqualTo("OrderPlaced");
			assertThat(JsonMapper.shared().readTree(header(first, "ddd-outbox-headers")).get("tenant").asString())
				.isEqualTo("acme");
			assertThat(JsonMapper.shared().readTree(String.valueOf(first.value())))
				.isEqualTo(JsonMapper.shared().valueToTree(Map.of("order", order, "line", 1)));
			SourceRecord payment = record(paid);
			assertThat(payment.topic()).isEqualTo("payments");
			assertThat(payment.key()).isEqualTo(order);
			assertThat(header(payment, OutboxMessage.EVENT_TYPE_HEADER)).isEqualTo("OrderPaid");
			// the rows wait for retention; nothing marked them published
			assertThat(admin.queryForObject("SELECT count(*) FROM ddd_outbox_message WHERE status = 'PENDING'",
					Long.class)).isGreaterThanOrEqualTo(3);
		});
	}

	@Test
	void retentionDeletingTheRowsPublishesNothing() {
		this.runner.run((context) -> {
			OutboxWriter writer = context.getBean(OutboxWriter.class);
			TransactionTemplate transaction = new TransactionTemplate(
					new DataSourceTransactionManager(context.getBean(DataSource.class)));
			UUID marker = transaction
				.execute((status) -> writer.write(OutboundMessage.of("orders", Map.of("marker", 1)).key("marker")));
			await().atMost(Duration.ofSeconds(60)).until(() -> routedIds().contains(marker.toString()));
			int before = routed.size();
			admin.update("UPDATE ddd_outbox_message SET next_attempt_at = now() - interval '8 days'");
			OutboxRetention retention = context.getBean("outboxRetention", OutboxRetention.class);
			assertThat(retention.purge()).isPositive();
			UUID after = transaction
				.execute((status) -> writer.write(OutboundMessage.of("orders", Map.of("marker", 2)).key("marker")));
			await().atMost(Duration.ofSeconds(60)).until(() -> routedIds().contains(after.toString()));
			// the router ignores deletes: the one record since is the new message (the updates only warn)
			assertThat(routed.subList(before, routed.size())).extracting(OutboxCdcIntegrationTests::id)
				.containsExactly(after.toString());
		});
	}

	private static List<String> routedIds() {
		return routed.stream().map(OutboxCdcIntegrationTests::id).toList();
	}

	private static String id(SourceRecord record) {
		return header(record, OutboxMessage.ID_HEADER);
	}

	private static SourceRecord record(UUID id) {
		return routed.stream().filter((record) -> id.toString().equals(id(record))).findFirst().orElseThrow();
	}

	private static String header(SourceRecord record, String name) {
		Header header = record.headers().lastWithName(name);
		if (header == null) {
			return "";
		}
		Object value = header.value();
		return (value instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
	}

	private static void dropSlotAndPublication() {
		// a slot left behind keeps WAL and blocks dropping the database
		admin.queryForList("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots "
				+ "WHERE slot_name = ? AND active_pid IS NOT NULL", SLOT);
		await().atMost(Duration.ofSeconds(30)).until(() -> admin.queryForObject(
				"SELECT count(*) FROM pg_replication_slots WHERE slot_name = ? AND active", Long.class, SLOT) == 0);
		admin.queryForList("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?",
				SLOT);
		admin.execute("DROP PUBLICATION IF EXISTS " + PUBLICATION);
	}

}
