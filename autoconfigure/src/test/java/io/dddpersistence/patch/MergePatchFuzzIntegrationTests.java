package io.dddpersistence.patch;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.dddpersistence.patch.fixtures.Address;
import io.dddpersistence.patch.fixtures.PatchTestApplication;
import io.dddpersistence.patch.fixtures.Profile;
import io.dddpersistence.patch.fixtures.Profiles;
import io.dddpersistence.tenant.TenantScope;
import io.dddpersistence.test.FreshDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

/**
 * 5,000 random and mutated patch bodies through the endpoint: never a 5xx, and every refusal
 * leaves the row as it was (read back after each request); an accepted patch moves the version on
 * by one, or changes nothing at all.
 */
@SpringBootTest(classes = PatchTestApplication.class, properties = { "spring.jpa.hibernate.ddl-auto=create",
		"spring.flyway.enabled=false", "spring.jpa.open-in-view=false" })
@FreshDatabase
class MergePatchFuzzIntegrationTests {

	private static final String[] NAMES = { "name", "bio", "age", "address", "tags", "id", "version", "tenantId",
			"passwordHash", "audit", "archive", "nickname", "", "NAME", "address.city", "__proto__", "constructor" };

	private static final String[] NESTED = { "city", "street", "zip", "createdBy", "archivedAt", "" };

	@Autowired
	Profiles profiles;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebApplicationContext context;

	@Autowired
	@Qualifier("tenantRequestFilter")
	FilterRegistrationBean<?> tenantRequestFilter;

	@Test
	void randomAndMutatedPatchesNeverFailWithA5xxAndARefusalWritesNothing() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).addFilters(this.tenantRequestFilter.getFilter()).build();
		UUID id = TenantScope.call("acme",
				() -> this.profiles.save(new Profile("Ada", "writes programs", new Address("London", "Baker St"))))
			.getId();
		Random random = new Random(20261204L);
		int accepted = 0;
		for (int i = 0; i < 5000; i++) {
			Map<String, Object> before = row(id);
			long version = (Long) before.get("version");
			String ifMatch = (random.nextInt(10) == 0) ? "\"" + (version + 1) + "\"" : "\"" + version + "\"";
			String body = (random.nextInt(8) == 0) ? mutate(random, randomPatch(random)) : randomPatch(random);
			MvcResult result = mvc.perform(patch("/profiles/" + id).header("X-Tenant-Id", "acme")
				.header("If-Match", ifMatch)
				.contentType(MediaType.parseMediaType("application/merge-patch+json"))
				.content(body)).andReturn();
			int status = result.getResponse().getStatus();
			assertThat(status).as("status of %s", body).isLessThan(500);
			if (status == 200) {
				accepted++;
				Map<String, Object> after = row(id);
				// a patch that changes nothing (empty, or the values already there) writes nothing
				assertThat((Long) after.get("version")).as("version after %s", body).isIn(version, version + 1);
				if (after.get("version").equals(version)) {
					assertThat(after).as("row after no-op %s", body).isEqualTo(before);
				}
			}
			else {
				assertThat(status).as("status of %s", body).isIn(400, 409, 422);
				assertThat(row(id)).as("row after refused %s", body).isEqualTo(before);
			}
		}
		// the generator is not all refusals: some patches are accepted
		assertThat(accepted).isGreaterThan(100);
	}

	private static String randomPatch(Random random) {
		StringBuilder json = new StringBuilder("{");
		int members = random.nextInt(4);
		for (int m = 0; m < members; m++) {
			if (m > 0) {
				json.append(',');
			}
			String name = (random.nextInt(3) == 0) ? NAMES[random.nextInt(NAMES.length)]
					: new String[] { "name", "bio", "age", "address", "tags" }[random.nextInt(5)];
			json.append(quote(name)).append(':').append(value(random, name, 0));
		}
		return json.append('}').toString();
	}

	private static String value(Random random, String name, int depth) {
		switch (random.nextInt(12)) {
			case 0:
				return "null";
			case 1:
				return String.valueOf(random.nextInt(200) - 50);
			case 2:
				return random.nextBoolean() ? "true" : "false";
			case 3:
				return quote("x".repeat(random.nextInt(60)));
			case 4:
				return "[" + quote("t" + random.nextInt(9)) + "," + quote("u") + "]";
			case 5:
				if (depth < 3) {
					StringBuilder nested = new StringBuilder("{");
					int members = random.nextInt(3);
					for (int m = 0; m < members; m++) {
						nested.append((m > 0) ? "," : "").append(quote(NESTED[random.nextInt(NESTED.length)]))
							.append(':')
							.append(value(random, name, depth + 1));
					}
					return nested.append('}').toString();
				}
				return "{}";
			case 6:
				return "1e400";
			case 7:
				return quote("\u0000\u202e<script>' OR 1=1 --");
			default:
				return switch (name) {
					case "age" -> String.valueOf(random.nextInt(120));
					case "tags" -> "[" + quote("t" + random.nextInt(5)) + "]";
					case "address" -> "{\"city\":" + quote("C" + random.nextInt(9)) + "}";
					default -> quote("N" + random.nextInt(1000));
				};
		}
	}

	// a valid patch cut, doubled or corrupted as clients and proxies do
	private static String mutate(Random random, String body) {
		return switch (random.nextInt(5)) {
			case 0 -> body.substring(0, random.nextInt(Math.max(1, body.length())));
			case 1 -> body + body;
			case 2 -> body.replace(':', random.nextBoolean() ? '=' : ',');
			case 3 -> "[" + body + "]";
			default -> "\"" + body + "\"";
		};
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	private Map<String, Object> row(UUID id) {
		Map<String, Object> row = new java.util.HashMap<>(this.jdbc.queryForMap(
				"select name, bio, age, city, street, password_hash, version, tenant_id, created_by, archived_at "
						+ "from profile where id = ?", id));
		List<String> tags = this.jdbc.queryForList("select tags from profile_tags where profile_id = ? order by tags_order",
				String.class, id);
		row.put("tags", tags);
		return row;
	}

}
