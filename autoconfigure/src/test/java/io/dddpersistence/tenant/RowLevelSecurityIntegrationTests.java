package io.dddpersistence.tenant;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dddpersistence.entity.fixtures.Invoice;
import io.dddpersistence.entity.fixtures.InvoiceRepository;
import io.dddpersistence.entity.fixtures.TraitsTestApplication;
import io.dddpersistence.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Row-level security as a second wall: native SQL, which Hibernate's filters never see, is
 * filtered by the policies. The application connects as a role that is not a superuser, since
 * superusers bypass row-level security.
 */
@SpringBootTest(classes = TraitsTestApplication.class, properties = { "spring.jpa.hibernate.ddl-auto=create",
		"ddd.persistence.tenant.row-level-security=true" })
class RowLevelSecurityIntegrationTests {

	static final String ROLE = "ddd_rls_app";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		TestDatabases.create().asApplicationRole(ROLE).register(registry);
	}

	@Autowired
	InvoiceRepository invoices;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void nativeSqlSeesOnlyTheCurrentTenantsRows() {
		TenantScope.run("red", () -> this.invoices.save(new Invoice("R-1", BigDecimal.ONE)));
		TenantScope.run("red", () -> this.invoices.save(new Invoice("R-2", BigDecimal.ONE)));
		TenantScope.run("blue", () -> this.invoices.save(new Invoice("B-1", BigDecimal.ONE)));
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		List<String> red = TenantScope.call("red",
				() -> tx.execute((status) -> this.jdbc.queryForList("select number from invoices order by number", String.class)));
		assertThat(red).containsExactly("R-1", "R-2");
		List<String> blue = TenantScope.call("blue",
				() -> tx.execute((status) -> this.jdbc.queryForList("select number from invoices", String.class)));
		assertThat(blue).containsExactly("B-1");
		List<String> none = tx.execute((status) -> this.jdbc.queryForList("select number from invoices", String.class));
		assertThat(none).isEmpty();
	}

	@Test
	void nativeWritesIntoAnotherTenantAreRejectedByThePolicy() {
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		assertThatThrownBy(() -> TenantScope.run("red", () -> tx.executeWithoutResult((status) -> this.jdbc.update(
				"insert into invoices (id, tenant_id, number, amount, version) values (nextval('invoices_seq'), 'blue', 'X', 1, 0)"))))
			.rootCause()
			.hasMessageContaining("violates row-level security policy");
	}

}
