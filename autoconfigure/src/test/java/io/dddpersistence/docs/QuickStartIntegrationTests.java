package io.dddpersistence.docs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dddpersistence.docs.quickstart.Product;
import io.dddpersistence.docs.quickstart.ProductRepository;
import io.dddpersistence.docs.quickstart.QuickStartApplication;
import io.dddpersistence.tenant.TenantScope;
import io.dddpersistence.testsupport.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The README's quick start works as written: traits, repository, search and outbox together. */
@SpringBootTest(classes = QuickStartApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "spring.jpa.hibernate.ddl-auto=create", "ddd.persistence.outbox.poller-enabled=false" })
@FreshDatabase
class QuickStartIntegrationTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	ProductRepository products;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void searchRepriceAndTheOutboxMessage() throws Exception {
		FilterRegistrationBean<?> tenantFilter = this.context.getBean("tenantRequestFilter", FilterRegistrationBean.class);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).addFilters(tenantFilter.getFilter()).build();
		Product lamp = TenantScope.call("acme", () -> this.products.add(new Product("L-1", "Lamp", new BigDecimal("40"))));
		TenantScope.run("acme", () -> this.products.add(new Product("C-1", "Chair", new BigDecimal("90"))));
		TenantScope.run("other", () -> this.products.add(new Product("L-2", "Lamp shade", new BigDecimal("10"))));

		mvc.perform(get("/products").header("X-Tenant-Id", "acme").param("filter", "name:ilike:lamp*,price:lt:50")
			.param("sort", "-price"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].name").value("Lamp"));
		mvc.perform(post("/products/" + lamp.getId() + "/price").header("X-Tenant-Id", "acme").param("price", "35"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		List<Map<String, Object>> messages = this.jdbc
			.queryForList("select destination, message_key from ddd_outbox_message where message_key = ?", lamp.getId().toString());
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0)).containsEntry("destination", "products");
		mvc.perform(get("/products").header("X-Tenant-Id", "acme").param("filter", "sku:eq:L-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("field-not-allowed"));
	}

}
