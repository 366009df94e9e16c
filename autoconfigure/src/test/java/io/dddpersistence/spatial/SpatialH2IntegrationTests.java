package io.dddpersistence.spatial;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.test.Database;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spatial behaviour of {@link SpatialIntegrationTests} on H2 with H2GIS: same rows for every
 * predicate, distances in metres on the spheroid. The schema test and the bulk rows of the plan test are written for H2.
 */
@FreshDatabase(Database.H2)
@TestPropertySource(properties = { "ddd.persistence.outbox.enabled=false", "ddd.persistence.event-store.enabled=false" })
class SpatialH2IntegrationTests extends SpatialIntegrationTests {

	@Test
	@Override
	void theSeedLocationHasTheSeedsColumnsAndIndexes() {
		Map<String, Object> geom = this.jdbc.queryForMap(
				"select data_type, geometry_type, geometry_srid from information_schema.columns where table_name = 'LOCATIONS' and column_name = 'GEOM'");
		assertThat(geom).containsEntry("DATA_TYPE", "GEOMETRY")
			.containsEntry("GEOMETRY_TYPE", "POINT")
			.containsEntry("GEOMETRY_SRID", 4326);
		assertThat(this.jdbc.queryForList(
				"select lower(index_name) from information_schema.indexes where table_name = 'LOCATIONS' and index_type_name = 'SPATIAL INDEX'",
				String.class))
			.containsExactly("ix_locations_geom");
		assertThat(this.jdbc.queryForList(
				"select lower(index_name) from information_schema.indexes where table_name = 'LOCATIONS'", String.class))
			.contains("ix_locations_updated_at", "ix_locations_archived_at", "ix_locations_geom",
					"ix_locations_archivable_active", "ix_locations_archivable_archived", "uq_locations_archivable_code");
	}

	@Override
	void insertBulkZones() {
		this.jdbc.update("""
				insert into zones (id, name, area)
				select next value for zones_seq, 'bulk', ST_SetSRID(ST_MakePoint(-170 + rand() * 20, -70 + rand() * 20), 4326)
				from system_range(1, 5000)""");
		this.jdbc.execute("analyze table zones");
	}

}
