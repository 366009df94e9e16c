package io.dddpersistence.docs;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dddpersistence.docs.quickstart.Product;
import io.dddpersistence.docs.quickstart.ProductRepository;
import io.dddpersistence.docs.quickstart.QuickStartApplication;
import io.dddpersistence.tenant.TenantScope;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The README's quick start works as written, with the configuration it shows: products created
 * under a tenant over HTTP, searched, repriced with the ETag as {@code If-Match} (a stale one
 * answers 409), and the event received by the in-process listener after commit.
 */
@SpringBootTest(classes = QuickStartApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "spring.jpa.hibernate.ddl-auto=create", "spring.jpa.open-in-view=false",
				"ddd.persistence.tenant.header=X-Tenant-Id", "ddd.persistence.outbox.publisher=in-process" })
@FreshDatabase
@ExtendWith(OutputCaptureExtension.class)
class QuickStartIntegrationTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	ProductRepository products;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void createSearchRepriceAndReceiveTheEvent(CapturedOutput output) throws Exception {
		FilterRegistrationBean<?> tenantFilter = this.context.getBean("tenantRequestFilter", FilterRegistrationBean.class);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).addFilters(tenantFilter.getFilter()).build();
		String lamp = create(mvc, "acme", "{\"sku\":\"L-1\",\"name\":\"Lamp\",\"price\":40}");
		create(mvc, "acme", "{\"sku\":\"C-1\",\"name\":\"Chair\",\"price\":90}");
		TenantScope.run("other", () -> this.products.add(new Product("L-2", "Lamp shade", new BigDecimal("10"))));

		mvc.perform(get("/products").header("X-Tenant-Id", "acme").param("filter", "name:ilike:lamp*,price:lt:50")
			.param("sort", "-price"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].name").value("Lamp"));
		mvc.perform(get("/products/" + lamp).header("X-Tenant-Id", "other")).andExpect(status().isNotFound());
		mvc.perform(get("/products/" + lamp).header("X-Tenant-Id", "acme"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\""));

		mvc.perform(post("/products/" + lamp + "/price").header("X-Tenant-Id", "acme").header("If-Match", "\"0\"")
			.param("price", "35"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(post("/products/" + lamp + "/price").header("X-Tenant-Id", "acme").header("If-Match", "\"0\"")
			.param("price", "30"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("concurrent-modification"))
			.andExpect(jsonPath("$.expectedVersion").value(0))
			.andExpect(jsonPath("$.actualVersion").value(1));
		mvc.perform(get("/products/" + lamp).header("X-Tenant-Id", "acme"))
			.andExpect(jsonPath("$.price").value(35));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getOut()).contains("Received ")
				.contains("ProductRepriced for " + lamp + ": "));
		List<Map<String, Object>> messages = this.jdbc
			.queryForList("select destination, status from ddd_outbox_message where message_key = ?", lamp);
		assertThat(messages).as("one message: the stale change wrote none").hasSize(1);
		assertThat(messages.get(0)).containsEntry("destination", "products").containsEntry("status", "PUBLISHED");
		mvc.perform(get("/products").header("X-Tenant-Id", "acme").param("filter", "sku:eq:L-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("field-not-allowed"));
	}

	private static String create(MockMvc mvc, String tenant, String product) throws Exception {
		String body = mvc
			.perform(post("/products").header("X-Tenant-Id", tenant).contentType(MediaType.APPLICATION_JSON).content(product))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

}
