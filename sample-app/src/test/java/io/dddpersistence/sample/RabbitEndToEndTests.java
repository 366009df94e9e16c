package io.dddpersistence.sample;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The {@code rabbit} profile: order events travel through the RabbitMQ broker at 127.0.0.1:5672. */
@ActiveProfiles("rabbit")
class RabbitEndToEndTests extends EndToEndTests {

	@Test
	void orderEventsArePublishedToRabbitMqAndConsumedFromTheQueue() {
		Reply placed = post("/orders", Map.of("customer", unique("eve"), "product", "Kettle", "quantity", 1,
				"unitPrice", 10));
		assertThat(placed.status()).isEqualTo(201);
		String id = placed.text("id");

		JsonNode event = await().atMost(Duration.ofSeconds(15)).until(() -> {
			for (JsonNode received : get("/orders/published-events").body()) {
				if (id.equals(received.path("key").asString())) {
					return received;
				}
			}
			return null;
		}, (received) -> received != null);
		assertThat(event.path("via").asString()).isEqualTo("rabbitmq");
		assertThat(event.path("eventType").asString()).isEqualTo("order.placed");
		assertThat(get("/actuator/health").body().path("components").path("rabbit").path("status").asString())
			.isEqualTo("UP");
	}

}
