package io.dddpersistence.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as it starts with nothing configured: on the embedded H2 database with H2GIS, where the
 * traits, tenancy, spatial search, the search language, the orders' outbox and the event-sourced
 * carts with their projection all work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDatabaseSmokeTests extends OverHttp {

	@Autowired
	Environment environment;

	@Test
	void withNothingConfiguredTheSampleRunsOnEmbeddedH2() {
		assertThat(this.environment.getActiveProfiles()).containsExactly(SampleDatabase.H2);
		assertThat(this.environment.getProperty("spring.datasource.url")).startsWith("jdbc:h2:mem:");
		Reply health = get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().path("components").path("db").path("details").path("database").asString())
			.isEqualTo("H2");
	}

	@Test
	void productsAreVersionedAuditedAndKeptPerTenant() {
		Map<String, String> acme = Map.of("X-Tenant-Id", "acme", "X-User", "ann");
		Reply created = send(HttpMethod.POST, acme,
				Map.of("name", "Kettle", "category", "kitchen", "price", 29.90), "/products");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("createdBy")).isEqualTo("ann");
		String id = created.text("id");

		assertThat(send(HttpMethod.GET, acme, null, "/products/{id}", id).status())
			.isEqualTo(200);
		assertThat(send(HttpMethod.GET, Map.of("X-Tenant-Id", "globex"), null,
				"/products/{id}", id).status()).isEqualTo(404);
		Reply listed = send(HttpMethod.GET, acme, null, "/products?filter={f}&sort={s}",
				"category:eq:kitchen,price:gte:10", "-price");
		assertThat(listed.body().path("items").size()).isEqualTo(1);
	}

	@Test
	void archivedDocumentsLeaveTheirSlugFreeAndCanBeRestored() {
		String id = post("/documents", Map.of("slug", "pricing", "title", "Pricing", "body", "...")).text("id");
		assertThat(post("/documents", Map.of("slug", "pricing", "title", "Again", "body", "...")).status())
			.isEqualTo(409);

		assertThat(delete("/documents/{id}", id).status()).isEqualTo(204);
		assertThat(get("/documents/archived?filter={f}", "slug:eq:pricing").body().path("items").size()).isEqualTo(1);
		String again = post("/documents", Map.of("slug", "pricing", "title", "Again", "body", "...")).text("id");
		assertThat(post("/documents/{id}/restore", null, id).status()).isEqualTo(409);
		assertThat(delete("/documents/{id}", again).status()).isEqualTo(204);
		assertThat(post("/documents/{id}/restore", null, id).status()).isEqualTo(200);
	}

	@Test
	void storesNearAPointComeNearestFirstInMetres() {
		post("/stores", Map.of("name", "Trocadero", "city", "Paris", "lon", 2.2876, "lat", 48.8616));
		post("/stores", Map.of("name", "Bastille", "city", "Paris", "lon", 2.3691, "lat", 48.8532));
		post("/stores", Map.of("name", "Montparnasse", "city", "Paris", "lon", 2.3219, "lat", 48.8422));

		Reply near = get("/stores/near?lon={lon}&lat={lat}&radius={r}", 2.2945, 48.8584, 3000);
		assertThat(near.status()).isEqualTo(200);
		assertThat(names(near.body())).containsExactly("Trocadero", "Montparnasse");
		Reply within = get("/stores?filter={f}", "location:within_distance:POINT(2.2945 48.8584)|1000");
		assertThat(names(within.body().path("items"))).containsExactly("Trocadero");
	}

	@Test
	void ordersGoThroughTheOutboxAndCartsFeedTheirProjectionOnH2Too() {
		Reply order = post("/orders", Map.of("customer", "ann", "product", "Kettle", "quantity", 1, "unitPrice", 1));
		assertThat(order.status()).isEqualTo(201);
		String orderId = order.text("id");
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			for (JsonNode event : get("/orders/published-events").body()) {
				if (orderId.equals(event.path("key").asString())) {
					return true;
				}
			}
			return false;
		});
		String customer = "h2-" + UUID.randomUUID();
		Reply cart = post("/carts", Map.of("customer", customer));
		assertThat(cart.status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> get("/cart-summaries?customer={c}", customer).body().size() == 1);
	}

	private static List<String> names(JsonNode stores) {
		return StreamSupport.stream(stores.spliterator(), false).map((store) -> store.path("name").asString()).toList();
	}

}
