package io.dddpersistence.outbox.capture;

import java.time.Duration;
import java.util.UUID;

import io.dddpersistence.outbox.OutboxMessage;
import io.dddpersistence.test.FreshDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = CaptureTestApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create", "ddd.persistence.outbox.poll-interval=20ms" })
@FreshDatabase
class DomainEventCaptureIntegrationTests {

	@Autowired
	ShopOrders orders;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CaptureTestApplication.Received received;

	@Test
	void savingAnAggregateWritesItsExternalizedEventsToTheOutboxAndThePollerDeliversThem() {
		UUID orderId = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> this.orders.save(new ShopOrder(orderId, 42).place()));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message WHERE message_key = ?", Long.class,
				orderId.toString())).as("OrderPlaced only, not OrderNoted").isEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.received.messages.stream().anyMatch((message) -> orderId.toString().equals(message.key())));
		OutboxMessage delivered = this.received.messages.stream()
			.filter((message) -> orderId.toString().equals(message.key()))
			.findFirst()
			.orElseThrow();
		assertThat(delivered.destination()).isEqualTo("orders");
		assertThat(delivered.eventType()).isEqualTo(OrderPlaced.class.getName());
		assertThat(JsonMapper.shared().readTree(delivered.payload()).get("total").asInt()).isEqualTo(42);
	}

	@Test
	void whenTheSaveRollsBackNoMessageExists() {
		UUID orderId = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			this.orders.save(new ShopOrder(orderId, 7).place());
			status.setRollbackOnly();
		});
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message WHERE message_key = ?", Long.class,
				orderId.toString())).isZero();
		assertThat(this.orders.findById(orderId)).isEmpty();
	}

	@Test
	void savingWithoutAnOuterTransactionStillWritesInTheRepositorysTransaction() {
		UUID orderId = UUID.randomUUID();
		this.orders.save(new ShopOrder(orderId, 3).place());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message WHERE message_key = ?", Long.class,
				orderId.toString())).isEqualTo(1);
	}

	@Test
	void anEventWhoseDeclaredKeyIsNullIsRefusedAndTheSaveRollsBack() {
		// typically an event raised before the database generated the aggregate's id
		long before = this.jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message", Long.class);
		UUID orderId = UUID.randomUUID();
		ShopOrder order = new ShopOrder(orderId, 5);
		order.registerPlacedWithoutId();
		// Spring Data's repository proxy hands it on as InvalidDataAccessApiUsageException
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> this.orders.save(order))
			.withRootCauseInstanceOf(IllegalStateException.class)
			.withMessageContaining("The key 'orderId' of @Externalized " + OrderPlaced.class.getName() + " is null");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message", Long.class)).isEqualTo(before);
		assertThat(this.orders.findById(orderId)).isEmpty();
	}

}
