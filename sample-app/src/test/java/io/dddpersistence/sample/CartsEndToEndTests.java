package io.dddpersistence.sample;

import java.math.BigDecimal;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import io.dddpersistence.test.PersistenceAwait;

import static org.assertj.core.api.Assertions.assertThat;

class CartsEndToEndTests extends EndToEndTests {

	@Autowired
	DataSource dataSource;

	@Test
	void aCartIsRebuiltFromItsEventsAndTheProjectionFollows() {
		String customer = unique("ann");
		Reply opened = post("/carts", Map.of("customer", customer));
		assertThat(opened.status()).isEqualTo(201);
		String id = opened.text("id");
		assertThat(opened.body().path("version").asLong()).isEqualTo(1);

		add(id, "kettle", 2, "29.90");
		add(id, "mug", 4, "5.00");
		add(id, "kettle", 1, "29.90");
		assertThat(delete("/carts/{id}/items/{sku}", id, "mug").status()).isEqualTo(200);

		Reply cart = get("/carts/{id}", id);
		assertThat(cart.body().path("version").asLong()).isEqualTo(5);
		assertThat(cart.body().path("lines").size()).isEqualTo(1);
		assertThat(cart.body().path("lines").get(0).path("quantity").asInt()).isEqualTo(3);
		assertThat(cart.body().path("total").decimalValue()).isEqualByComparingTo("89.70");

		Reply checkedOut = post("/carts/{id}/checkout", null, id);
		assertThat(checkedOut.body().path("checkedOut").asBoolean()).isTrue();

		// the test kit's wait: the projection has applied every event appended so far
		// snippet-start
		PersistenceAwait.projectionCaughtUp(this.dataSource, "cart-summaries");
		JsonNode summary = summaryOf(customer);
		// snippet-end
		assertThat(summary.path("status").asString()).isEqualTo("CHECKED_OUT");
		assertThat(summary.path("cartId").asString()).isEqualTo(id);
		assertThat(summary.path("items").asInt()).isEqualTo(3);
		assertThat(summary.path("total").decimalValue()).isEqualByComparingTo("89.70");
		assertThat(summary.path("version").asLong()).isEqualTo(6);
	}

	@Test
	void aCheckedOutCartRefusesChanges() {
		String id = post("/carts", Map.of("customer", unique("bob"))).text("id");
		Reply empty = post("/carts/{id}/checkout", null, id);
		assertThat(empty.status()).isEqualTo(409);
		assertThat(empty.text("code")).isEqualTo("cart-closed");
		add(id, "kettle", 1, "29.90");
		post("/carts/{id}/checkout", null, id);

		Reply refused = add(id, "mug", 1, "5");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("cart-closed");
		assertThat(refused.text("type")).isEqualTo("urn:ddd-persistence-sample:problem:cart-closed");
	}

	@Test
	void aCommandBasedOnAStaleCartAnswers409() {
		String id = post("/carts", Map.of("customer", unique("eve"))).text("id");
		Reply fresh = send(HttpMethod.POST, Map.of("If-Match", "\"1\""),
				Map.of("sku", "kettle", "quantity", 1, "unitPrice", 10), "/carts/{id}/items", id);
		assertThat(fresh.body().path("version").asLong()).isEqualTo(2);
		Reply stale = send(HttpMethod.POST, Map.of("If-Match", "\"1\""),
				Map.of("sku", "mug", "quantity", 1, "unitPrice", 5), "/carts/{id}/items", id);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.text("code")).isEqualTo("concurrent-modification");
		assertThat(stale.body().path("expectedVersion").asLong()).isEqualTo(1);
		assertThat(stale.body().path("actualVersion").asLong()).isEqualTo(2);
	}

	@Test
	void aLongCartLoadsFromItsSnapshotAndItsLatestEvents() {
		String id = post("/carts", Map.of("customer", unique("cid"))).text("id");
		for (int i = 0; i < 24; i++) {
			assertThat(add(id, "sku-" + (i % 5), 1, "1.50").status()).isEqualTo(200);
		}
		Reply cart = get("/carts/{id}", id);
		assertThat(cart.body().path("version").asLong()).isEqualTo(25);
		assertThat(cart.body().path("lines").size()).isEqualTo(5);
		assertThat(cart.body().path("total").decimalValue()).isEqualByComparingTo("36.00");
	}

	@Test
	void badCommandsAnswerProblemDetails() {
		assertThat(get("/carts/{id}", "no-such-cart").status()).isEqualTo(404);
		String id = post("/carts", Map.of("customer", unique("dan"))).text("id");
		Reply zero = add(id, "kettle", 0, "29.90");
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.text("code")).isEqualTo("invalid-request");
		assertThat(delete("/carts/{id}/items/{sku}", id, "nothing").status()).isEqualTo(400);
	}

	@Test
	void aNulCharacterInACustomerIsTheClientsMistake() {
		Reply read = get("/cart-summaries?customer={c}", "a\u0000b");
		assertThat(read.status()).isEqualTo(400);
		assertThat(read.text("code")).isEqualTo("invalid-request");
		assertThat(read.text("detail")).isEqualTo("The customer must not contain NUL characters");
		Reply open = post("/carts", Map.of("customer", "a\u0000b"));
		assertThat(open.status()).isEqualTo(400);
		assertThat(open.text("detail")).isEqualTo("The customer must not contain NUL characters");
		String id = post("/carts", Map.of("customer", unique("eve"))).text("id");
		assertThat(add(id, "mug\u0000", 1, "5").status()).isEqualTo(400);
		assertThat(get("/carts/{id}", id).body().path("lines").size()).isZero();
	}

	@Test
	void theProjectionShowsOnHealthAndMetrics() {
		JsonNode projections = get("/actuator/health").body().path("components").path("projections");
		assertThat(projections.path("status").asString()).isEqualTo("UP");
		assertThat(projections.toString()).contains("cart-summaries");
		assertThat(get("/actuator/metrics/ddd.eventstore.subscription.lag").status()).isEqualTo(200);
	}

	private Reply add(String cart, String sku, int quantity, String unitPrice) {
		return post("/carts/{id}/items", Map.of("sku", sku, "quantity", quantity, "unitPrice", new BigDecimal(unitPrice)),
				cart);
	}

	private JsonNode summaryOf(String customer) {
		JsonNode rows = get("/cart-summaries?customer={c}", customer).body();
		return (rows.size() == 1) ? rows.get(0) : null;
	}

}
