package io.dddpersistence.tenant;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dddpersistence.error.CrossTenantAccessException;
import io.dddpersistence.error.MalformedTenantException;
import io.dddpersistence.error.MissingTenantException;
import io.dddpersistence.tenant.typedfixtures.LedgerEntry;
import io.dddpersistence.tenant.typedfixtures.LedgerEntryRepository;
import io.dddpersistence.tenant.typedfixtures.StationTicket;
import io.dddpersistence.tenant.typedfixtures.StationTicketRepository;
import io.dddpersistence.tenant.typedfixtures.TypedTenantTestApplication;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tenant ids that are not text: a {@code uuid} station id (with the archive in {@code deleted_at}
 * and the creator in {@code created_by_user_id}, seed 003's names) and a {@code bigint} business
 * id. The tenant scope holds the id as text, as the header sends it; the columns, the filters'
 * parameters and the checks use the column's type, and a tenant that is not of that type is
 * refused before any SQL is sent.
 */
@SpringBootTest(classes = TypedTenantTestApplication.class, properties = { "spring.jpa.hibernate.ddl-auto=create",
		"ddd.persistence.tenant.level-headers.station=X-Station-Id" })
@FreshDatabase
class TypedTenantIdsIntegrationTests {

	static final String STATION_A = "0190f5a2-7c1e-7000-8000-00000000000a";

	static final String STATION_B = "0190f5a2-7c1e-7000-8000-00000000000b";

	@Autowired
	StationTicketRepository tickets;

	@Autowired
	LedgerEntryRepository entries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebApplicationContext context;

	@Autowired
	@Qualifier("tenantRequestFilter")
	FilterRegistrationBean<?> tenantRequestFilter;

	@Test
	void aStationHeaderThatIsNotAUuidIsA400ProblemAndWritesNothing() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context)
			.addFilters(this.tenantRequestFilter.getFilter())
			.build();
		long before = count("station_tickets");
		mvc.perform(post("/station-tickets").param("title", "over http").header("X-Station-Id", "station-7"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("malformed-tenant"))
			.andExpect(jsonPath("$.level").value("station"))
			.andExpect(jsonPath("$.expectedType").value("UUID"));
		mvc.perform(get("/station-tickets").header("X-Station-Id", "station-7"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("malformed-tenant"));
		assertThat(count("station_tickets")).isEqualTo(before);
		mvc.perform(post("/station-tickets").param("title", "over http").header("X-Station-Id", STATION_A))
			.andExpect(status().isOk());
		mvc.perform(get("/station-tickets").header("X-Station-Id", STATION_A))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@ == 'over http')]").exists());
	}

	@Test
	void aUuidTenantColumnIsFilledAndStoredAsUuid() {
		StationTicket saved = inStation(STATION_A, () -> this.tickets.save(new StationTicket("printer jam")));
		assertThat(saved.getStationId()).isEqualTo(UUID.fromString(STATION_A));
		assertThat(columnType("station_tickets", "station_id")).isEqualToIgnoringCase("uuid");
		assertThat(this.jdbc.queryForObject("select station_id from station_tickets where id = ?", UUID.class,
				saved.getId()))
			.isEqualTo(UUID.fromString(STATION_A));
		assertThat(this.jdbc.queryForObject("select created_by_user_id from station_tickets where id = ?",
				String.class, saved.getId()))
			.isEqualTo("alice");
	}

	@Test
	void eachTenantColumnIsIndexedWithTheArchiveColumnWhereTheEntityIsArchivable() {
		assertThat(this.jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class,
				"ix_station_tickets_station_id_deleted_at"))
			.contains("(station_id, deleted_at)");
		assertThat(this.jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class,
				"ix_ledger_entries_business_id"))
			.contains("(business_id)");
	}

	@Test
	void aRowOfOneStationIsInvisibleAndUntouchableFromAnother() {
		String title = "t-" + UUID.randomUUID();
		StationTicket mine = inStation(STATION_A, () -> this.tickets.save(new StationTicket(title)));
		inStation(STATION_B, () -> {
			assertThat(this.tickets.findById(mine.getId())).isEmpty();
			assertThat(this.tickets.findByTitle(title)).isEmpty();
			assertThat(this.tickets.findAll()).extracting(StationTicket::getId).doesNotContain(mine.getId());
			return null;
		});
		mine.setTitle("changed");
		assertThatThrownBy(() -> inStation(STATION_B, () -> this.tickets.save(mine)))
			.isInstanceOf(CrossTenantAccessException.class);
		assertThat(inStation(STATION_A, () -> this.tickets.findById(mine.getId()))).get()
			.extracting(StationTicket::getTitle)
			.isEqualTo(title);
	}

	@Test
	void deletingArchivesIntoDeletedAtAndHidesTheRowFromItsOwnStation() {
		StationTicket mine = inStation(STATION_A, () -> this.tickets.save(new StationTicket("to archive")));
		inStation(STATION_A, () -> {
			this.tickets.deleteById(mine.getId());
			return null;
		});
		assertThat(inStation(STATION_A, () -> this.tickets.findById(mine.getId()))).isEmpty();
		assertThat(this.jdbc.queryForObject("select deleted_at is not null from station_tickets where id = ?",
				Boolean.class, mine.getId()))
			.isTrue();
	}

	@Test
	void aTenantThatIsNotAUuidIsRefusedBeforeAnySqlAndWritesNothing() {
		long before = count("station_tickets");
		assertThatThrownBy(() -> inStation("not-a-uuid", () -> this.tickets.save(new StationTicket("x"))))
			.isInstanceOf(MalformedTenantException.class)
			.hasMessageContaining("UUID");
		assertThatThrownBy(() -> inStation("1-1-1-1-1", () -> this.tickets.findAll()))
			.isInstanceOf(MalformedTenantException.class);
		assertThat(count("station_tickets")).isEqualTo(before);
		assertThatThrownBy(() -> this.tickets.findAll()).isInstanceOf(MissingTenantException.class);
	}

	@Test
	void aNumericTenantColumnIsFilledFilteredAndCheckedAsANumber() {
		LedgerEntry mine = TenantScope.call("42", () -> this.entries.save(new LedgerEntry("rent")));
		assertThat(mine.getBusinessId()).isEqualTo(42L);
		assertThat(columnType("ledger_entries", "business_id")).isEqualToIgnoringCase("bigint");
		assertThat(TenantScope.call("42", () -> this.entries.findById(mine.getId()))).isPresent();
		assertThat(TenantScope.call("43", () -> this.entries.findById(mine.getId()))).isEmpty();
		long before = count("ledger_entries");
		assertThatThrownBy(() -> TenantScope.call("forty-two", () -> this.entries.save(new LedgerEntry("x"))))
			.isInstanceOf(MalformedTenantException.class)
			.hasMessageContaining("Long");
		assertThatThrownBy(() -> TenantScope.call("4.2", () -> this.entries.findAll()))
			.isInstanceOf(MalformedTenantException.class);
		assertThat(count("ledger_entries")).isEqualTo(before);
	}

	/** The column's SQL type as the catalog names it; information_schema, on PostgreSQL and H2 alike. */
	String columnType(String table, String column) {
		return this.jdbc.queryForObject("select data_type from information_schema.columns "
				+ "where lower(table_name) = ? and lower(column_name) = ?", String.class, table, column);
	}

	long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private static <R> R inStation(String station, java.util.function.Supplier<R> work) {
		return TenantScope.call(Map.of("station", station), work);
	}

}
