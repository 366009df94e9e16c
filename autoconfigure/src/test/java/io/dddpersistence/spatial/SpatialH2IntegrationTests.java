package io.dddpersistence.spatial;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.testsupport.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spatial behaviour of {@link SpatialIntegrationTests} on H2 with H2GIS: same rows for every
 * predicate, distances in metres on the spheroid. The schema and plan tests are rewritten for H2.
 */
@FreshDatabase(DatabaseVendor.H2)
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

	/**
	 * H2's planner serves the bounding test from the spatial index; with the active-row condition
	 * beside it, it prefers the plain archive index (it cannot tell that nearly every row is active),
	 * a difference docs/databases.md states.
	 */
	@Test
	@Override
	void aWithinDistanceQueryOnFiftyThousandRowsUsesTheGistIndex() {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> this.jdbc.update("""
				insert into locations (id, code, name, version, created_at, updated_at, geom)
				select next value for locations_seq, 'bulk-' || x, 'bulk', 0, current_timestamp, current_timestamp,
				       ST_SetSRID(ST_MakePoint(-180 + rand() * 360, -80 + rand() * 160), 4326)
				from system_range(1, 5000)"""));
		this.jdbc.execute("analyze table locations");
		Point here = point(2.35, 48.85);
		double degrees = SpatialSpecifications.boundingDegrees(here, 1000);
		List<String> plan = this.jdbc.queryForList("""
				explain select id from locations
				where (geom && ST_Expand(ST_SetSRID(ST_MakePoint(2.35, 48.85), 4326), ?))
				  and (DDD_GEODESIC_METRES(geom, ST_SetSRID(ST_MakePoint(2.35, 48.85), 4326)) <= 1000)""",
				String.class, degrees);
		assertThat(String.join("\n", plan).toLowerCase(Locale.ROOT)).contains("ix_locations_geom");
	}

}
