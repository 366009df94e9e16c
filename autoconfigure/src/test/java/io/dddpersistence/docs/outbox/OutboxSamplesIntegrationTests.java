package io.dddpersistence.docs.outbox;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox page's samples work as written: each leaves its message row in the business transaction. */
@SpringBootTest(classes = OutboxApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create", "ddd.persistence.outbox.poller-enabled=false" })
@FreshDatabase
class OutboxSamplesIntegrationTests {

	private static final String MESSAGE = "select destination, message_key, aggregate_type, aggregate_id, "
			+ "headers::text as headers, payload::text as payload from ddd_outbox_message where message_key = ?";

	@Autowired
	OrderService service;

	@Autowired
	OrderRepository orders;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void placeWritesTheOrderAndItsMessage() {
		Order order = new Order(new BigDecimal("42.00"));
		this.service.place(order);

		assertThat(this.orders.findById(order.getId())).isPresent();
		Map<String, Object> message = this.jdbc.queryForMap(MESSAGE, order.getId().toString());
		assertThat(message).containsEntry("destination", "orders")
			.containsEntry("aggregate_type", "Order")
			.containsEntry("aggregate_id", order.getId().toString());
		assertThat((String) message.get("headers")).contains("\"tenant\": \"acme\"");
		assertThat((String) message.get("payload")).contains(order.getId().toString()).contains("42.00");
	}

	@Test
	void externalizedEventOfAStoredOrderReachesTheOutboxWithItsKey() {
		Order order = this.orders.save(new Order(new BigDecimal("15.00")));
		this.orders.save(order.place());

		Map<String, Object> message = this.jdbc.queryForMap(MESSAGE, order.getId().toString());
		assertThat(message).containsEntry("destination", "orders");
		assertThat((String) message.get("payload")).contains(order.getId().toString());
	}

}
