package io.dddpersistence.sample;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrdersEndToEndTests extends EndToEndTests {

	@Test
	void placingAnOrderPublishesItsEventThroughTheOutbox() {
		Reply placed = place(unique("ann"), 2);
		assertThat(placed.status()).isEqualTo(201);
		assertThat(placed.text("status")).isEqualTo("PLACED");
		assertThat(placed.body().path("total").asDouble()).isEqualTo(59.80);
		String id = placed.text("id");
		assertThat(get("/orders/{id}", id).text("customer")).isEqualTo(placed.text("customer"));

		JsonNode event = awaitEvent(id, "order.placed");
		assertThat(event.path("via").asString()).isEqualTo("in-process");
		JsonNode payload = json.readTree(event.path("payload").asString());
		assertThat(payload.path("orderId").asString()).isEqualTo(id);
		assertThat(payload.path("quantity").asInt()).isEqualTo(2);
	}

	@Test
	void cancellingPublishesAFollowingEventWithTheSameKey() {
		String id = place(unique("bob"), 1).text("id");
		Reply cancelled = post("/orders/{id}/cancel", Map.of("reason", "changed my mind"), id);
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.text("status")).isEqualTo("CANCELLED");

		awaitEvent(id, "order.placed");
		assertThat(awaitEvent(id, "order.cancelled").path("payload").asString()).contains("changed my mind");
	}

	@Test
	void aRefusedMessageEndsDeadAndShowsOnActuatorUntilResubmitted() {
		String id = place("poison", 1).text("id");

		JsonNode dead = await().atMost(Duration.ofSeconds(20)).until(() -> deadMessageOf(id), (node) -> node != null);
		assertThat(dead.path("status").asString()).isEqualTo("FAILED");
		assertThat(dead.path("attempts").asInt()).isEqualTo(3);
		assertThat(dead.path("lastError").asString()).contains("refuses");
		Reply report = get("/actuator/outbox");
		assertThat(report.body().path("backlog").path("dead").asLong()).isPositive();
		Reply health = get("/actuator/health");
		assertThat(health.body().path("components").path("outbox").path("details").path("dead").asLong())
			.isPositive();

		Reply resubmitted = post("/actuator/outbox", Map.of("ids", dead.path("id").asString()));
		assertThat(resubmitted.status()).as(resubmitted.body().toString()).isEqualTo(200);
		assertThat(resubmitted.body().path("resubmitted").asLong()).isEqualTo(1);
	}

	@Test
	void theOutboxReportsMetrics() {
		String id = place(unique("cid"), 1).text("id");
		awaitEvent(id, "order.placed");
		assertThat(get("/actuator/metrics/ddd.outbox.messages").status()).isEqualTo(200);
		assertThat(get("/actuator/metrics/ddd.outbox.backlog.pending").status()).isEqualTo(200);
	}

	@Test
	void anOrderBreakingARuleAnswers400() {
		Reply refused = place(unique("dan"), 0);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("code")).isEqualTo("invalid-request");
	}

	private Reply place(String customer, int quantity) {
		return post("/orders", Map.of("customer", customer, "product", "Kettle", "quantity", quantity, "unitPrice",
				new java.math.BigDecimal("29.90")));
	}

	JsonNode awaitEvent(String orderId, String eventType) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> {
			for (JsonNode event : get("/orders/published-events").body()) {
				if (orderId.equals(event.path("key").asString()) && eventType.equals(event.path("eventType").asString())) {
					return event;
				}
			}
			return null;
		}, (event) -> event != null);
	}

	private JsonNode deadMessageOf(String orderId) {
		for (JsonNode message : get("/actuator/outbox").body().path("dead")) {
			if (orderId.equals(message.path("key").asString())) {
				return message;
			}
		}
		return null;
	}

}
