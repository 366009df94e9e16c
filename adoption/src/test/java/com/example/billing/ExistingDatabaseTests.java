package com.example.billing;

import java.math.BigDecimal;

import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import org.junit.jupiter.api.Test;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's production database as it was before the starter: its history at V1, its rows,
 * one of them soft-deleted the service's own way. The first start with the starter applies the
 * service's V2, then the library's scripts in histories of their own; the old rows keep working.
 */
@SpringBootTest
class ExistingDatabaseTests {

	@DynamicPropertySource
	static void productionAsItWas(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabases.create();
		Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").target("1").load()
			.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
		jdbc.update("INSERT INTO invoice (number, customer, amount, created_at, updated_at) "
				+ "VALUES ('OLD-1', 'Initech', 80.00, now(), now())");
		jdbc.update("INSERT INTO invoice (number, customer, amount, created_at, updated_at, deleted_at, deleted_by) "
				+ "VALUES ('OLD-2', 'Initech', 15.00, now(), now(), now(), 'a clerk')");
		database.register(registry);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Invoices invoices;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theServicesHistoryGoesOnAndTheLibrarysStartsBesideIt() {
		assertThat(this.jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank",
				String.class)).containsExactly("1", "2");
		assertThat(this.jdbc.queryForList("SELECT version FROM ddd_outbox_schema_history WHERE success "
				+ "ORDER BY installed_rank", String.class)).contains("1", "2");
	}

	@Test
	void theOldRowsAreReadAndChangedThroughTheTraitsAndTheOldSoftDeleteHolds() {
		assertThat(this.invoices.findAll()).extracting(Invoice::getNumber).containsExactly("OLD-1");
		this.transactions.executeWithoutResult((status) -> this.invoices.findAll().get(0).correct(new BigDecimal("85.00")));
		assertThat(this.invoices.findAll().get(0).getVersion()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM invoice", Long.class)).isEqualTo(2);
	}

}
