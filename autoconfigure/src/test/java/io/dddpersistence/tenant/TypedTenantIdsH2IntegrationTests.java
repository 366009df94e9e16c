package io.dddpersistence.tenant;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TypedTenantIdsIntegrationTests} on H2: UUID and numeric tenant ids bind, fill and check
 * the same way; only the index catalog differs.
 */
@FreshDatabase(Database.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class TypedTenantIdsH2IntegrationTests extends TypedTenantIdsIntegrationTests {

	@Override
	@Test
	void eachTenantColumnIsIndexedWithTheArchiveColumnWhereTheEntityIsArchivable() {
		assertThat(this.jdbc.queryForList("select lower(index_name) from information_schema.indexes "
				+ "where lower(table_name) in ('station_tickets', 'ledger_entries')", String.class))
			.contains("ix_station_tickets_station_id_deleted_at", "ix_ledger_entries_business_id");
	}

}
