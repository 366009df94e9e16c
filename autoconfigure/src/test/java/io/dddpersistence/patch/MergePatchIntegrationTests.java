package io.dddpersistence.patch;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dddpersistence.patch.fixtures.Address;
import io.dddpersistence.patch.fixtures.PatchTestApplication;
import io.dddpersistence.patch.fixtures.Profile;
import io.dddpersistence.patch.fixtures.Profiles;
import io.dddpersistence.tenant.TenantScope;
import io.dddpersistence.test.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * JSON Merge Patch through a writable-field whitelist, over HTTP: protected and unknown fields are
 * refused by name with nothing written, members merge by RFC 7396, Bean Validation runs before the
 * flush, and the version comes from If-Match.
 */
@SpringBootTest(classes = PatchTestApplication.class, properties = { "spring.jpa.hibernate.ddl-auto=create",
		"spring.flyway.enabled=false", "spring.jpa.open-in-view=false" })
@FreshDatabase
class MergePatchIntegrationTests {

	static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	@Autowired
	Profiles profiles;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebApplicationContext context;

	@Autowired
	@Qualifier("tenantRequestFilter")
	FilterRegistrationBean<?> tenantRequestFilter;

	MockMvc mvc;

	UUID id;

	@BeforeEach
	void profile() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).addFilters(this.tenantRequestFilter.getFilter()).build();
		this.jdbc.update("delete from profile_tags");
		this.jdbc.update("delete from profile");
		this.id = TenantScope.call("acme",
				() -> this.profiles.save(new Profile("Ada", "writes programs", new Address("London", "Baker St"))))
			.getId();
	}

	@Test
	void eachProtectedOrUnknownFieldIsRefusedByNameAndNothingIsWritten() throws Exception {
		Map<String, Object> before = row();
		refused("{\"id\":\"" + UUID.randomUUID() + "\"}", "field-not-writable", "id").andExpect(jsonPath("$.reason").value("key"));
		refused("{\"version\":5}", "field-not-writable", "version").andExpect(jsonPath("$.reason").value("version"));
		refused("{\"tenantId\":\"globex\"}", "field-not-writable", "tenantId").andExpect(jsonPath("$.reason").value("tenant"));
		refused("{\"audit\":{\"createdBy\":\"mallory\"}}", "field-not-writable", "audit").andExpect(jsonPath("$.reason").value("trait"));
		refused("{\"archive\":{\"archivedAt\":\"2020-01-01T00:00:00Z\"}}", "field-not-writable", "archive");
		refused("{\"passwordHash\":\"x\"}", "field-not-writable", "passwordHash").andExpect(jsonPath("$.reason").value("sensitive"));
		refused("{\"nickname\":\"Countess\"}", "unknown-field", "nickname");
		refused("{\"address\":{\"zip\":\"NW1\"}}", "unknown-field", "address.zip");
		// a refused member refuses the whole patch: the allowed one next to it is not written either
		refused("{\"name\":\"Grace\",\"version\":3}", "field-not-writable", "version");
		refused("{\"age\":\"old\"}", "invalid-value", "age").andExpect(jsonPath("$.expected").value("int"));
		refused("{\"age\":null}", "invalid-value", "age");
		// no coercion between JSON kinds
		refused("{\"name\":123}", "invalid-value", "name").andExpect(jsonPath("$.expected").value("String"));
		refused("{\"age\":\"5\"}", "invalid-value", "age");
		refused("{\"age\":5.5}", "invalid-value", "age");
		refused("{\"tags\":\"math\"}", "invalid-value", "tags");
		refused("{\"address\":\"London\"}", "invalid-value", "address");
		// what the database would refuse at flush is refused by name before it
		refused("{\"bio\":\"" + "b".repeat(256) + "\"}", "invalid-value", "bio")
			.andExpect(jsonPath("$.expected").value("at most 255 characters"));
		refused("{\"bio\":\"nul\\u0000byte\"}", "invalid-value", "bio");
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void membersMergeByTheRfcNestedValuesMemberByMemberAndNullRemoves() throws Exception {
		send("/profiles/" + this.id, "\"0\"", "{\"address\":{\"city\":\"Lyon\"},\"bio\":null,\"tags\":[\"math\",\"code\"]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		assertThat(row()).containsEntry("name", "Ada")
			.containsEntry("city", "Lyon")
			.containsEntry("street", "Baker St")
			.containsEntry("bio", null)
			.containsEntry("version", 1L);
		assertThat(tags()).containsExactly("math", "code");
		send("/profiles/" + this.id, "W/\"1\"", "{\"address\":null,\"tags\":[]}").andExpect(status().isOk());
		assertThat(row()).containsEntry("city", null).containsEntry("street", null).containsEntry("version", 2L);
		assertThat(tags()).isEmpty();
	}

	@Test
	void aRecordValueObjectMergesIntoANewRecordWhoseOwnCheckStillRuns() throws Exception {
		Map<String, Object> before = row();
		refused("{\"contact\":{\"email\":\"not-an-address\"}}", "invalid-value", "contact");
		refused("{\"contact\":{\"fax\":\"1\"}}", "unknown-field", "contact.fax");
		assertThat(row()).isEqualTo(before);
		send("/profiles/" + this.id, "\"0\"", "{\"contact\":{\"email\":\"ada@lovelace.org\"}}")
			.andExpect(status().isOk());
		assertThat(row()).containsEntry("email", "ada@lovelace.org").containsEntry("phone", "+44 20");
	}

	@Test
	void bothValidationFailuresAnswer422AndWriteNothing() throws Exception {
		Map<String, Object> before = row();
		send("/profiles/" + this.id, "\"0\"", "{\"name\":\"\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("validation-failed"))
			.andExpect(jsonPath("$.violations[0].field").value("name"));
		send("/profiles/" + this.id, "\"0\"", "{\"bio\":\"fine\",\"address\":{\"city\":\"" + "x".repeat(41) + "\"}}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.violations[0].field").value("address.city"));
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void theVersionComesFromIfMatchAStaleOneIs409AndNoneIs428() throws Exception {
		Map<String, Object> before = row();
		send("/profiles/" + this.id, "\"7\"", "{\"name\":\"Grace\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("concurrent-modification"))
			.andExpect(jsonPath("$.expectedVersion").value(7))
			.andExpect(jsonPath("$.actualVersion").value(0));
		send("/profiles/" + this.id, null, "{\"name\":\"Grace\"}").andExpect(status().isPreconditionRequired())
			.andExpect(jsonPath("$.code").value("precondition-required"));
		send("/profiles/" + this.id, "\"zero\"", "{\"name\":\"Grace\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("invalid-if-match"));
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void aBodyThatIsNotJsonByItsContentTypeIs415() throws Exception {
		Map<String, Object> before = row();
		this.mvc.perform(patch("/profiles/" + this.id).header("X-Tenant-Id", "acme")
			.header("If-Match", "\"0\"")
			.contentType(MediaType.TEXT_PLAIN)
			.content("{\"name\":\"Grace\"}")).andExpect(status().isUnsupportedMediaType());
		assertThat(row()).isEqualTo(before);
	}

	@Test
	void anEndpointsWhitelistReplacesTheEntitys() throws Exception {
		send("/profiles/" + this.id + "/name", "\"0\"", "{\"bio\":\"sneaky\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("field-not-writable"))
			.andExpect(jsonPath("$.writable[0]").value("name"));
		send("/profiles/" + this.id + "/name", "\"0\"", "{\"name\":\"Ada L.\"}").andExpect(status().isOk());
		assertThat(row()).containsEntry("name", "Ada L.").containsEntry("bio", "writes programs");
	}

	@Test
	void aBodyThatIsNoPatchAndAMissingEntityAreRefused() throws Exception {
		send("/profiles/" + this.id, "\"0\"", "{\"name\":").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("malformed-patch"));
		send("/profiles/" + this.id, "\"0\"", "[{\"name\":\"Grace\"}]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("malformed-patch"));
		send("/profiles/" + UUID.randomUUID(), "\"0\"", "{\"name\":\"Grace\"}").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"));
	}

	@Test
	void aCreateFromJsonTakesOnlyTheEndpointsFields() throws Exception {
		this.mvc.perform(post("/profiles").header("X-Tenant-Id", "acme")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Grace\",\"address\":{\"city\":\"Arlington\"}}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Grace"))
			.andExpect(jsonPath("$.version").value(0));
		long count = this.jdbc.queryForObject("select count(*) from profile", Long.class);
		this.mvc.perform(post("/profiles").header("X-Tenant-Id", "acme")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Mallory\",\"tenantId\":\"globex\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("tenantId"));
		this.mvc.perform(post("/profiles").header("X-Tenant-Id", "acme")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Mallory\",\"age\":3}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("not-whitelisted"));
		this.mvc.perform(post("/profiles").header("X-Tenant-Id", "acme").contentType(MediaType.APPLICATION_JSON).content("{\"bio\":\"no name\"}"))
			.andExpect(status().isUnprocessableContent());
		assertThat(this.jdbc.queryForObject("select count(*) from profile", Long.class)).isEqualTo(count);
	}

	private ResultActions refused(String body, String code, String field) throws Exception {
		return send("/profiles/" + this.id, "\"0\"", body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.entity").value("Profile"));
	}

	ResultActions send(String path, String ifMatch, String body) throws Exception {
		var request = patch(path).header("X-Tenant-Id", "acme").contentType(MERGE_PATCH).content(body);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return this.mvc.perform(request);
	}

	Map<String, Object> row() {
		return this.jdbc.queryForMap("select name, bio, age, city, street, email, phone, password_hash, version, tenant_id, "
				+ "created_by, archived_at from profile where id = ?", this.id);
	}

	List<String> tags() {
		return this.jdbc.queryForList("select tags from profile_tags where profile_id = ? order by tags_order",
				String.class, this.id);
	}

}
