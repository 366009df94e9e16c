package io.dddpersistence.eventstore.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.eventstore.EventStore;
import io.dddpersistence.eventstore.NewEvent;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = EventStoreOutboxBridgeIntegrationTests.BridgeApplication.class,
		properties = { "ddd.persistence.event-store.outbox.enabled=true",
				"ddd.persistence.event-store.outbox.destination=carts",
				"ddd.persistence.event-store.outbox.event-types=item-added,cart-checked-out",
				"ddd.persistence.outbox.poller-enabled=false", "ddd.persistence.event-store.subscriptions.enabled=false" })
@FreshDatabase
class EventStoreOutboxBridgeIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	EventStore events;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void appendedEventsOfTheChosenTypesAreWrittenToTheOutboxWithThem() {
		String cart = "cart-" + UUID.randomUUID();
		NewEvent opened = NewEvent.of("cart", cart, "cart-opened", "{\"customer\":\"ann\"}");
		NewEvent added = NewEvent.of("cart", cart, "item-added", "{\"sku\":\"A-1\",\"quantity\":2}");
		this.events.appendBatch(0, List.of(opened, added));
		List<Map<String, Object>> messages = messages(cart);
		assertThat(messages).hasSize(1);
		Map<String, Object> message = messages.get(0);
		assertThat(message).containsEntry("destination", "carts")
			.containsEntry("event_type", "item-added")
			.containsEntry("aggregate_type", "cart")
			.containsEntry("message_key", cart);
		assertThat(JSON.readTree((String) message.get("payload"))).isEqualTo(JSON.readTree(added.payload()));
		JsonNode headers = JSON.readTree((String) message.get("headers"));
		assertThat(headers.path(EventStoreOutboxBridge.EVENT_ID_HEADER).asString()).isEqualTo(added.eventId().toString());
		assertThat(headers.path(EventStoreOutboxBridge.EVENT_VERSION_HEADER).asString()).isEqualTo("2");
	}

	@Test
	void aConflictingAppendWritesNeitherEventsNorMessages() {
		String cart = "cart-" + UUID.randomUUID();
		this.events.append(0, NewEvent.of("cart", cart, "item-added", "{\"sku\":\"B\"}"));
		assertThatThrownBy(() -> this.events.append(0, NewEvent.of("cart", cart, "item-added", "{\"sku\":\"C\"}")))
			.isInstanceOf(OptimisticConcurrencyException.class);
		assertThat(messages(cart)).hasSize(1);
	}

	@Test
	void whenTheCallersTransactionRollsBackNeitherIsKept() {
		String cart = "cart-" + UUID.randomUUID();
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.events.append(0, NewEvent.of("cart", cart, "cart-checked-out", "{}"));
			status.setRollbackOnly();
		});
		assertThat(messages(cart)).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from ddd_stored_event where aggregate_id = ?", Long.class,
				cart)).isZero();
	}

	private List<Map<String, Object>> messages(String cart) {
		// SQL both databases read: JSON columns as text, parsed here
		return this.jdbc.queryForList("""
				select destination, event_type, aggregate_type, message_key, cast(payload as varchar) as payload,
				       cast(headers as varchar) as headers
				from ddd_outbox_message where aggregate_id = ?""", cart);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	public static class BridgeApplication {

	}

}
