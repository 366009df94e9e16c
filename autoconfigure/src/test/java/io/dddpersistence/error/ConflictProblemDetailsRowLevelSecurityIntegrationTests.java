package io.dddpersistence.error;

import java.math.BigDecimal;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dddpersistence.entity.fixtures.Invoice;
import io.dddpersistence.entity.fixtures.InvoiceRepository;
import io.dddpersistence.entity.fixtures.TraitsTestApplication;
import io.dddpersistence.tenant.TenantScope;
import io.dddpersistence.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With row-level security on, the stored version is read under the request's tenant: the policies
 * would otherwise hide the row from the separate read, and a changed row would be reported as
 * deleted. The application connects as a role that is not a superuser, which the policies bind.
 */
@SpringBootTest(classes = { TraitsTestApplication.class, ConflictTestController.class,
		ConflictTestController.Interference.class }, properties = { "spring.jpa.hibernate.ddl-auto=create",
				"ddd.persistence.tenant.row-level-security=true" })
class ConflictProblemDetailsRowLevelSecurityIntegrationTests {

	static final String ROLE = "ddd_rls_conflicts";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		TestDatabases.create().asApplicationRole(ROLE).register(registry);
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	InvoiceRepository invoices;

	@Autowired
	ConflictTestController.Interference interference;

	@Autowired
	JdbcTemplate jdbc;

	MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		Filter tenants = this.context.getBean("tenantRequestFilter", FilterRegistrationBean.class).getFilter();
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).addFilters(tenants).build();
	}

	@Test
	void conflictAtCommitNamesTheVersionTheTenantsRowHasNow() throws Exception {
		Long id = TenantScope.call("red", () -> this.invoices.save(new Invoice("R-" + System.nanoTime(), BigDecimal.ONE)))
			.getId();
		this.interference
			.set(() -> this.jdbc.update("update invoices set amount = 2, version = version + 1 where id = ?", id));
		this.mvc.perform(post("/invoices/{id}/commit", id).header("X-Tenant-Id", "red").param("amount", "3"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.entity").value("Invoice"))
			.andExpect(jsonPath("$.expectedVersion").value(0))
			.andExpect(jsonPath("$.actualVersion").value(1))
			.andExpect(jsonPath("$.reason").value("changed"));
		assertThat(TenantScope.call("red", () -> this.invoices.findById(id)).orElseThrow().getAmount())
			.isEqualByComparingTo("2");
	}

}
