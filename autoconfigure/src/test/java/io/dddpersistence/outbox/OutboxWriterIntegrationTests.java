package io.dddpersistence.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.migration.LibrarySchema;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxWriterIntegrationTests {

	static DataSource dataSource;

	static JdbcTemplate jdbc;

	private static TransactionTemplate transactions;

	private static OutboxWriter writer;

	@BeforeAll
	void createTables() {
		TestDatabase database = (vendor() == DatabaseVendor.H2) ? TestDatabases.createH2() : TestDatabases.create();
		dataSource = database.dataSource();
		new LibrarySchema(dataSource, "outbox").migrate();
		jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE TABLE orders (id uuid PRIMARY KEY, total int)");
		transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		writer = new OutboxWriter(dataSource, JsonMapper.shared());
	}

	/** The database the suite runs on; the H2 subclass overrides it. */
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	@Test
	void writesTheMessageWithEverythingTheRelayNeeds() {
		UUID orderId = UUID.randomUUID();
		UUID id = transactions.execute((status) -> writer.write(OutboundMessage.of("orders", new OrderPlaced(orderId, 42))
			.aggregate("Order", orderId.toString())
			.header("tenant", "acme")));
		Map<String, Object> row = jdbc.queryForMap("SELECT aggregate_type, aggregate_id, event_type, destination, "
				+ "message_key, CAST(headers AS VARCHAR) AS headers, CAST(payload AS VARCHAR) AS payload, status, "
				+ "attempts, next_attempt_at <= CURRENT_TIMESTAMP AS due FROM ddd_outbox_message WHERE id = ?", id);
		assertThat(row).containsEntry("aggregate_type", "Order")
			.containsEntry("aggregate_id", orderId.toString())
			.containsEntry("event_type", OrderPlaced.class.getName())
			.containsEntry("destination", "orders")
			.containsEntry("message_key", orderId.toString())
			.containsEntry("status", "PENDING")
			.containsEntry("attempts", 0)
			.containsEntry("due", true);
		assertThat(OutboxTestTable.compact((String) row.get("headers"))).isEqualTo("{\"tenant\":\"acme\"}");
		assertThat(JsonMapper.shared().readTree((String) row.get("payload")).get("total").asInt()).isEqualTo(42);
	}

	@Test
	void messagesOfARolledBackTransactionDoNotExist() {
		UUID orderId = UUID.randomUUID();
		transactions.executeWithoutResult((status) -> {
			jdbc.update("INSERT INTO orders VALUES (?, 1)", orderId);
			writer.writeAll(List.of(OutboundMessage.of("orders", new OrderPlaced(orderId, 1)).key(orderId.toString()),
					OutboundMessage.of("orders", new OrderPlaced(orderId, 2)).key(orderId.toString())));
			status.setRollbackOnly();
		});
		assertThat(jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message WHERE message_key = ?", Long.class,
				orderId.toString())).isZero();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE id = ?", Long.class, orderId)).isZero();
	}

	@Test
	void writingOutsideATransactionIsRefused() {
		long before = count();
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> writer.write(OutboundMessage.of("orders", "hello")))
			.withMessageContaining("no transaction");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anUnserializablePayloadFailsTheWriteAndRollsTheBusinessChangeBack() {
		UUID orderId = UUID.randomUUID();
		long before = count();
		assertThatExceptionOfType(OutboxSerializationException.class)
			.isThrownBy(() -> transactions.executeWithoutResult((status) -> {
				jdbc.update("INSERT INTO orders VALUES (?, 1)", orderId);
				writer.write(OutboundMessage.of("orders", new Unserializable()));
			}))
			.withMessageContaining(Unserializable.class.getName())
			.satisfies((ex) -> assertThat(ex.getPayloadType()).isEqualTo(Unserializable.class.getName()));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE id = ?", Long.class, orderId)).isZero();
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void idsAreTimeOrdered() {
		List<UUID> ids = transactions.execute((status) -> writer.writeAll(List.of(OutboundMessage.of(null, 1),
				OutboundMessage.of(null, 2))));
		assertThat(ids).hasSize(2).allSatisfy((id) -> assertThat(id.version()).isEqualTo(7));
	}

	private static long count() {
		return jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message", Long.class);
	}

	record OrderPlaced(UUID orderId, int total) {
	}

	static final class Unserializable {

		public String getBoom() {
			throw new IllegalStateException("boom");
		}

	}

}
