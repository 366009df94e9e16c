package com.example.billing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.dddpersistence.test.FreshDatabase;
import io.dddpersistence.test.PersistenceAwait;
import io.dddpersistence.test.SchemaAlignment;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing service after adding the starter, the test kit and one migration of its own: its
 * Flyway and the library's run in the documented order (the service's first), /actuator/flyway
 * lists both, the traits work on the service's legacy columns, and the service's migrations give
 * them everything they need. Each test context gets a database of its own from the kit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@FreshDatabase
class AdoptionTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Billing billing;

	@Autowired
	Invoices invoices;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationContext context;

	@Test
	void actuatorListsTheServicesHistoryBesideTheLibrarys() {
		Map<String, Object> body = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/actuator/flyway")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		Map<String, Map<String, Object>> beans = flywayBeans(body);
		assertThat(beans).containsOnlyKeys("flyway", "dddOutboxFlyway", "eventStoreFlyway");
		assertThat(scripts(beans.get("flyway"))).containsExactly("V1__invoice.sql", "V2__adopt_ddd_persistence.sql");
		assertThat(scripts(beans.get("dddOutboxFlyway"))).contains("V1__outbox.sql");
		assertThat(scripts(beans.get("eventStoreFlyway"))).contains("V1__event_store.sql");
	}

	@Test
	void theLibrarysScriptsRanAfterTheServicesInHistoriesThatNeverCollide() {
		Timestamp serviceDone = this.jdbc.queryForObject("SELECT max(installed_on) FROM flyway_schema_history",
				Timestamp.class);
		Timestamp libraryStarted = this.jdbc.queryForObject(
				"SELECT min(installed_on) FROM ddd_outbox_schema_history WHERE version IS NOT NULL", Timestamp.class);
		assertThat(libraryStarted).isAfterOrEqualTo(serviceDone);
		assertThat(this.jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank",
				String.class)).containsExactly("1", "2");
	}

	@Test
	void aDeleteArchivesIntoTheLegacyColumnsAndTheOutboxRelaysTheIssue() {
		Invoice invoice = this.billing.issue("INV-1", "ACME", new BigDecimal("120.00"));
		this.invoices.delete(this.invoices.findById(invoice.getId()).orElseThrow());
		assertThat(this.invoices.findById(invoice.getId())).isEmpty();
		assertThat(this.invoices.count()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT deleted_at IS NOT NULL FROM invoice WHERE number = 'INV-1'",
				Boolean.class)).isTrue();
		PersistenceAwait.outboxDrained(this.dataSource);
	}

	@Test
	void theServicesMigrationsGiveTheTraitsEverythingTheyNeed() {
		SchemaAlignment.assertAligned(this.context);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> flywayBeans(Map<String, Object> body) {
		Map<String, Object> contexts = (Map<String, Object>) body.get("contexts");
		Map<String, Object> ours = (Map<String, Object>) contexts.values().iterator().next();
		return (Map<String, Map<String, Object>>) ours.get("flywayBeans");
	}

	@SuppressWarnings("unchecked")
	private static List<String> scripts(Map<String, Object> flyway) {
		return ((List<Map<String, Object>>) flyway.get("migrations")).stream()
			.map((migration) -> (String) migration.get("script"))
			.toList();
	}

}
