package io.dddpersistence.docs.entitytraits;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.dddpersistence.tenant.TenantScope;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The entity traits page's samples work as written on PostgreSQL with PostGIS. */
@SpringBootTest(classes = EntityTraitsApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create", "ddd.persistence.outbox.poller-enabled=false" })
@FreshDatabase
class EntityTraitsSamplesIntegrationTests {

	private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DocumentRepository documents;

	@Autowired
	DocumentLifecycle lifecycle;

	@Autowired
	MeasurementRepository measurements;

	@Autowired
	StoreRepository stores;

	@Autowired
	ZoneRepository zones;

	@Test
	void locationGetsTheColumnsAndIndexesThePageLists() {
		assertThat(this.jdbc.queryForList(
				"select column_name from information_schema.columns where table_name = 'locations'", String.class))
			.containsExactlyInAnyOrder("id", "code", "region", "short_name", "version", "created_at", "updated_at",
					"created_by", "updated_by", "archived_at", "archived_by", "tenant_id", "geom");
		assertThat(this.jdbc.queryForList("select indexname from pg_indexes where tablename = 'locations'", String.class))
			.contains("ix_locations_updated_at", "ix_locations_archived_at", "ix_locations_tenant_id_archived_at",
					"ix_locations_archivable_active",
					"ix_locations_archivable_archived", "uq_locations_archivable_tenant_id_code",
					"uq_locations_archivable_tenant_id_region_short_name", "ix_locations_geom");
	}

	@Test
	void documentIsArchivedRestoredAndPurged() {
		Document document = this.documents.save(new Document("handbook"));
		this.lifecycle.archiveRestoreAndPurge(document, "handbook");
		assertThat(this.jdbc.queryForObject("select count(*) from document", Long.class)).isZero();
	}

	@Test
	void measurementIsFilledAndReadForBothTenantLevels() {
		Map<String, String> acmeStation7 = Map.of("tenant", "acme", "station", "s7");
		TenantScope.call(acmeStation7, () -> this.measurements.save(new Measurement(new BigDecimal("21.5"))));
		List<Measurement> station7 = TenantScope.call(acmeStation7, this.measurements::findAll);
		List<Measurement> station8 = TenantScope.call(Map.of("tenant", "acme", "station", "s8"), this.measurements::findAll);
		assertThat(station7).extracting(Measurement::getTemperature).containsExactly(new BigDecimal("21.50"));
		assertThat(station8).isEmpty();
		assertThat(this.jdbc.queryForMap("select tenant_id, station_id from measurement"))
			.containsEntry("tenant_id", "acme")
			.containsEntry("station_id", "s7");
	}

	@Test
	void spatialSpecificationsRunOnPostgis() {
		this.stores.save(new Store("Châtelet", this.geometries.createPoint(new Coordinate(2.347, 48.858))));
		this.zones.save(new Zone(this.geometries.createPolygon(new Coordinate[] { new Coordinate(2.3, 48.8),
				new Coordinate(2.4, 48.8), new Coordinate(2.4, 48.9), new Coordinate(2.3, 48.9),
				new Coordinate(2.3, 48.8) })));
		StoreFinder finder = new StoreFinder(this.stores, this.zones);
		finder.find(this.geometries.createPolygon(new Coordinate[] { new Coordinate(2.2, 48.8),
				new Coordinate(2.5, 48.8), new Coordinate(2.5, 48.9), new Coordinate(2.2, 48.9),
				new Coordinate(2.2, 48.8) }),
				this.geometries.createLineString(new Coordinate[] { new Coordinate(2.2, 48.85),
						new Coordinate(2.5, 48.85) }));
	}

}
