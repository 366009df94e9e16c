package io.dddpersistence.tenant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dddpersistence.tenant.typedfixtures.StationTicket;
import io.dddpersistence.tenant.typedfixtures.StationTicketRepository;
import io.dddpersistence.tenant.typedfixtures.TypedTenantTestApplication;
import io.dddpersistence.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row-level security on a {@code uuid} tenant column: the policy casts the connection's setting to
 * the column's type, so native SQL sees the current station's rows only, and no station or a
 * station that is not a UUID sees none (instead of a cast error).
 */
@SpringBootTest(classes = TypedTenantTestApplication.class, properties = { "spring.jpa.hibernate.ddl-auto=create",
		"ddd.persistence.tenant.row-level-security=true" })
class TypedTenantRowLevelSecurityIntegrationTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		TestDatabases.create().asApplicationRole("ddd_rls_typed_app").register(registry);
	}

	@Autowired
	StationTicketRepository tickets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void nativeSqlSeesOnlyTheCurrentStationsRows() {
		String a = TypedTenantIdsIntegrationTests.STATION_A;
		String b = TypedTenantIdsIntegrationTests.STATION_B;
		TenantScope.call(Map.of("station", a), () -> this.tickets.save(new StationTicket("A-1")));
		TenantScope.call(Map.of("station", b), () -> this.tickets.save(new StationTicket("B-1")));
		assertThat(titlesIn(Map.of("station", a))).containsExactly("A-1");
		assertThat(titlesIn(Map.of("station", b))).containsExactly("B-1");
		assertThat(titlesIn(Map.of())).isEmpty();
		assertThat(titlesIn(Map.of("station", "not-a-uuid"))).isEmpty();
	}

	private List<String> titlesIn(Map<String, String> tenants) {
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);
		return TenantScope.call(tenants, () -> tx
			.execute((status) -> this.jdbc.queryForList("select title from station_tickets order by title", String.class)));
	}

}
