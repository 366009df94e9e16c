package io.dddpersistence.sample;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProductsEndToEndTests extends EndToEndTests {

	@Test
	void aNewProductIsVersionedAndAudited() {
		String tenant = unique("acme");
		Reply created = create(tenant, "Kettle", "kitchen", "29.90");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.headers().getLocation()).hasToString("/products/" + created.text("id"));
		assertThat(created.headers().getETag()).isEqualTo("\"0\"");
		assertThat(created.body().path("version").asLong()).isZero();
		assertThat(created.text("createdBy")).isEqualTo("system");
		assertThat(created.text("createdAt")).isNotBlank();

		Reply read = send(HttpMethod.GET, Map.of("X-Tenant-Id", tenant), null, "/products/{id}", created.text("id"));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.text("name")).isEqualTo("Kettle");
		assertThat(read.body().path("price").asDouble()).isEqualTo(29.90);
	}

	@Test
	void theAuditTrailRecordsWhoCreatedAndWhoLastChanged() {
		String tenant = unique("acme");
		Reply created = send(HttpMethod.POST, Map.of("X-Tenant-Id", tenant, "X-User", "ann"),
				Map.of("name", "Kettle", "category", "kitchen", "price", 10), "/products");
		assertThat(created.text("createdBy")).isEqualTo("ann");
		Reply updated = send(HttpMethod.PUT, Map.of("X-Tenant-Id", tenant, "X-User", "bob", "If-Match", "\"0\""),
				Map.of("name", "Kettle", "category", "kitchen", "price", 12), "/products/{id}", created.text("id"));
		assertThat(updated.text("createdBy")).isEqualTo("ann");
		assertThat(updated.text("updatedBy")).isEqualTo("bob");
		// the database keeps microseconds (rounded), the answer to the insert showed the clock's nanoseconds
		assertThat(Instant.parse(updated.text("createdAt")))
			.isCloseTo(Instant.parse(created.text("createdAt")), within(1, ChronoUnit.MICROS));
	}

	@Test
	void anUpdateBasedOnTheCurrentVersionMovesTheVersionOn() {
		String tenant = unique("acme");
		String id = create(tenant, "Kettle", "kitchen", "29.90").text("id");

		Reply updated = update(tenant, id, "\"0\"", Map.of("name", "Kettle 2", "category", "kitchen", "price", 31));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.headers().getETag()).isEqualTo("\"1\"");
		assertThat(updated.text("name")).isEqualTo("Kettle 2");

		Reply again = update(tenant, id, null,
				Map.of("name", "Kettle 3", "category", "kitchen", "price", 32, "version", 1));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().path("version").asLong()).isEqualTo(2);
	}

	@Test
	void aStaleUpdateAnswers409WithTheVersions() {
		String tenant = unique("acme");
		String id = create(tenant, "Kettle", "kitchen", "29.90").text("id");
		assertThat(update(tenant, id, "\"0\"", Map.of("name", "Mine", "category", "kitchen", "price", 30)).status())
			.isEqualTo(200);

		Reply stale = update(tenant, id, "\"0\"", Map.of("name", "Theirs", "category", "kitchen", "price", 28));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(stale.text("code")).isEqualTo("concurrent-modification");
		assertThat(stale.body().path("expectedVersion").asLong()).isZero();
		assertThat(stale.body().path("actualVersion").asLong()).isEqualTo(1);
		Reply current = send(HttpMethod.GET, Map.of("X-Tenant-Id", tenant), null, "/products/{id}", id);
		assertThat(current.text("name")).isEqualTo("Mine");
	}

	@Test
	void anUpdateWithoutTheVersionReadIsRefused() {
		String tenant = unique("acme");
		String id = create(tenant, "Kettle", "kitchen", "29.90").text("id");
		Reply refused = update(tenant, id, null, Map.of("name", "Blind", "category", "kitchen", "price", 1));
		assertThat(refused.status()).isEqualTo(428);
		assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.text("type")).isEqualTo("urn:ddd-persistence-sample:problem:version-required");
		assertThat(refused.text("code")).isEqualTo("version-required");
	}

	@Test
	void anotherTenantsProductsAreInvisible() {
		String acme = unique("acme");
		String globex = unique("globex");
		String id = create(acme, "Anvil", "tools", "99").text("id");

		Reply foreign = send(HttpMethod.GET, Map.of("X-Tenant-Id", globex), null, "/products/{id}", id);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.text("code")).isEqualTo("not-found");
		Reply foreignList = send(HttpMethod.GET, Map.of("X-Tenant-Id", globex), null, "/products");
		assertThat(foreignList.body().path("items").size()).isZero();
		Reply foreignUpdate = update(globex, id, "\"0\"", Map.of("name", "Stolen", "category", "tools", "price", 1));
		assertThat(foreignUpdate.status()).isEqualTo(404);
	}

	@Test
	void withoutATenantProductsAnswer400() {
		Reply missing = get("/products");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.text("code")).isEqualTo("missing-tenant");
	}

	@Test
	void theListFiltersSortsAndWalksPagesWithTheAfterCursor() {
		String tenant = unique("acme");
		for (int price = 1; price <= 5; price++) {
			create(tenant, "Mug " + price, "kitchen", String.valueOf(price));
		}
		create(tenant, "Hammer", "tools", "3");

		List<String> names = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			Reply page = (after == null)
					? send(HttpMethod.GET, Map.of("X-Tenant-Id", tenant), null,
							"/products?filter={filter}&sort={sort}&size=2", "category:eq:kitchen,price:gte:2", "-price")
					: send(HttpMethod.GET, Map.of("X-Tenant-Id", tenant), null,
							"/products?filter={filter}&sort={sort}&size=2&after={after}", "category:eq:kitchen,price:gte:2",
							"-price", after);
			assertThat(page.status()).isEqualTo(200);
			page.body().path("items").forEach((item) -> names.add(item.path("name").asString()));
			JsonNode next = page.body().path("after");
			after = next.isNull() ? null : next.asString();
			pages++;
		}
		while (after != null);
		assertThat(names).containsExactly("Mug 5", "Mug 4", "Mug 3", "Mug 2");
		assertThat(pages).isEqualTo(2);
	}

	@Test
	void theListAlsoReadsOffsetPagesAndJsonFilters() {
		String tenant = unique("acme");
		for (String name : List.of("Apple", "Banana", "Cherry", "Damson")) {
			create(tenant, name, "fruit", "1");
		}
		Reply second = send(HttpMethod.GET, Map.of("X-Tenant-Id", tenant), null, "/products?sort=name&page=1&size=2");
		assertThat(second.body().path("items").get(0).path("name").asString()).isEqualTo("Cherry");
		assertThat(second.body().path("after").isNull()).isTrue();

		Reply json = send(HttpMethod.GET, Map.of("X-Tenant-Id", tenant), null, "/products?filter={f}",
				"{\"or\": [{\"field\": \"name\", \"op\": \"ilike\", \"value\": \"b*\"},"
						+ " {\"field\": \"name\", \"op\": \"eq\", \"value\": \"Damson\"}]}");
		List<String> names = new ArrayList<>();
		json.body().path("items").forEach((item) -> names.add(item.path("name").asString()));
		assertThat(names).containsExactlyInAnyOrder("Banana", "Damson");
	}

	@Test
	void aFieldOutsideTheEndpointsWhitelistAnswers400() {
		Reply refused = send(HttpMethod.GET, Map.of("X-Tenant-Id", unique("acme")), null, "/products?filter={f}",
				"tenant_id:eq:globex");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("code")).isEqualTo("field-not-allowed");
		assertThat(refused.text("field")).isEqualTo("tenant_id");

		Reply badValue = send(HttpMethod.GET, Map.of("X-Tenant-Id", unique("acme")), null, "/products?filter={f}",
				"price:gte:cheap");
		assertThat(badValue.status()).isEqualTo(400);
		assertThat(badValue.text("code")).isEqualTo("invalid-value");
	}

	private Reply create(String tenant, String name, String category, String price) {
		return send(HttpMethod.POST, Map.of("X-Tenant-Id", tenant),
				Map.of("name", name, "category", category, "price", new java.math.BigDecimal(price)), "/products");
	}

	private Reply update(String tenant, String id, String ifMatch, Map<String, Object> change) {
		Map<String, String> headers = (ifMatch != null) ? Map.of("X-Tenant-Id", tenant, "If-Match", ifMatch)
				: Map.of("X-Tenant-Id", tenant);
		return send(HttpMethod.PUT, headers, change, "/products/{id}", id);
	}

}
