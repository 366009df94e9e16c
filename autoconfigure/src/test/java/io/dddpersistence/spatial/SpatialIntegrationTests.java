package io.dddpersistence.spatial;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dddpersistence.entity.fixtures.Location;
import io.dddpersistence.entity.fixtures.LocationRepository;
import io.dddpersistence.entity.fixtures.Parcel;
import io.dddpersistence.entity.fixtures.ParcelRepository;
import io.dddpersistence.entity.fixtures.TraitsTestApplication;
import io.dddpersistence.entity.fixtures.Zone;
import io.dddpersistence.entity.fixtures.ZoneRepository;
import io.dddpersistence.error.InvalidGeometryException;
import io.dddpersistence.specification.SearchLanguage;
import io.dddpersistence.test.FreshDatabase;
import io.dddpersistence.testsupport.SentStatements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = TraitsTestApplication.class, properties = "spring.jpa.hibernate.ddl-auto=create")
@FreshDatabase
@Import(SentStatements.Registration.class)
class SpatialIntegrationTests {

	static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	@Autowired
	LocationRepository locations;

	@Autowired
	ZoneRepository zones;

	@Autowired
	ParcelRepository parcels;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SentStatements sent;

	@Autowired
	SearchLanguage search;

	@PersistenceContext
	EntityManager entityManager;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void theSeedLocationHasTheSeedsColumnsAndIndexes() {
		Map<String, String> columns = new java.util.TreeMap<>();
		this.jdbc.query(
				"select column_name, udt_name, character_maximum_length from information_schema.columns where table_name = 'locations'",
				(row) -> {
					columns.put(row.getString(1), row.getString(2) + ((row.getObject(3) != null) ? "(" + row.getInt(3) + ")" : ""));
				});
		assertThat(columns).containsEntry("id", "int8")
			.containsEntry("code", "varchar(50)")
			.containsEntry("name", "varchar(200)")
			.containsEntry("version", "int4")
			.containsEntry("created_at", "timestamptz")
			.containsEntry("updated_at", "timestamptz")
			.containsEntry("archived_at", "timestamptz")
			.containsEntry("archived_by", "varchar(255)")
			.containsEntry("geom", "geometry")
			.hasSize(9);
		assertThat(this.jdbc.queryForMap(
				"select type, srid from geometry_columns where f_table_name = 'locations' and f_geometry_column = 'geom'"))
			.containsEntry("type", "POINT")
			.containsEntry("srid", 4326);
		Map<String, String> indexes = new java.util.HashMap<>();
		this.jdbc.query("select indexname, indexdef from pg_indexes where tablename = 'locations'",
				(row) -> {
					indexes.put(row.getString(1), row.getString(2));
				});
		assertThat(indexes).containsOnlyKeys("locations_pkey", "ix_locations_updated_at", "ix_locations_archived_at",
				"ix_locations_geom", "ix_locations_archivable_active", "ix_locations_archivable_archived",
				"uq_locations_archivable_code");
		assertThat(indexes.get("ix_locations_geom")).contains("USING gist (geom)");
		assertThat(indexes.get("uq_locations_archivable_code")).contains("UNIQUE").contains("WHERE (archived_at IS NULL)");
		assertThat(indexes.get("ix_locations_archivable_archived")).contains("WHERE (archived_at IS NOT NULL)");
	}

	@Test
	void withinDistanceIsMeasuredInMetres() {
		String prefix = prefix();
		Point origin = point(2.3522, 48.8566);
		this.locations.save(new Location(prefix + "near", "near", point(2.3522, 48.8566 + 0.0040)));
		this.locations.save(new Location(prefix + "far", "far", point(2.3522, 48.8566 + 0.0050)));
		assertThat(codes(SpatialSpecifications.<Location>withinDistance("geom", origin, 500).and(prefix(prefix))))
			.containsExactly(prefix + "near");
		assertThat(codes(SpatialSpecifications.<Location>withinDistance("geom", origin, 600).and(prefix(prefix))))
			.containsExactlyInAnyOrder(prefix + "near", prefix + "far");
	}

	@Test
	void withinDistanceIsMeasuredOnTheSpheroidNotOnASphere() {
		String prefix = prefix();
		Point origin = point(10, 60);
		// 0.0045 degrees of latitude at 60 N: 501.36 m on WGS 84, 500.38 m on a sphere of mean radius
		this.locations.save(new Location(prefix + "north", "north", point(10, 60.0045)));
		assertThat(codes(SpatialSpecifications.<Location>withinDistance("geom", origin, 501.0).and(prefix(prefix))))
			.isEmpty();
		assertThat(codes(SpatialSpecifications.<Location>withinDistance("geom", origin, 501.7).and(prefix(prefix))))
			.containsExactly(prefix + "north");
	}

	@Test
	void withinPolygonBoundingBoxAndIntersects() {
		String prefix = prefix();
		this.locations.save(new Location(prefix + "in", "in", point(10.5, 20.5)));
		this.locations.save(new Location(prefix + "out", "out", point(12.5, 20.5)));
		Polygon square = square(10, 20, 11, 21);
		assertThat(codes(SpatialSpecifications.<Location>within("geom", square).and(prefix(prefix))))
			.containsExactly(prefix + "in");
		assertThat(codes(SpatialSpecifications.<Location>withinBoundingBox("geom", 12, 20, 13, 21).and(prefix(prefix))))
			.containsExactly(prefix + "out");
		Zone zone = this.zones.save(new Zone("z", square));
		assertThat(this.zones.findAll(SpatialSpecifications.intersects("area", point(10.5, 20.5))))
			.extracting(Zone::getId)
			.contains(zone.getId());
		assertThat(this.zones.findAll(SpatialSpecifications.intersects("area", point(50, 50)))).isEmpty();
	}

	@Test
	void nearestFirstOrdersByDistance() {
		String prefix = prefix();
		this.locations.save(new Location(prefix + "c", "c", point(30.3, 0)));
		this.locations.save(new Location(prefix + "a", "a", point(30.1, 0)));
		this.locations.save(new Location(prefix + "b", "b", point(30.2, 0)));
		List<String> ordered = this.locations
			.findAll(SpatialSpecifications.<Location>nearestFirst("geom", point(30, 0)).and(prefix(prefix)),
					PageRequest.of(0, 2))
			.map(Location::getCode)
			.getContent();
		assertThat(ordered).containsExactly(prefix + "a", prefix + "b");
	}

	@Test
	void aGeometryOfTheWrongTypeOrSridIsRefusedAndNothingIsWritten() {
		long before = this.locations.count();
		assertThatThrownBy(() -> this.parcels.save(new Parcel(point(1, 1))))
			.isInstanceOfSatisfying(InvalidGeometryException.class, (ex) -> {
				assertThat(ex.getEntityType()).isEqualTo("Parcel");
				assertThat(ex.getMessage()).contains("Point").contains("POLYGON");
			});
		assertThat(this.parcels.count()).isZero();
		assertThat(this.parcels.save(new Parcel(square(0, 0, 1, 1))).getId()).isNotNull();
		Point mercator = new GeometryFactory(new PrecisionModel(), 3857).createPoint(new Coordinate(1, 1));
		assertThatThrownBy(() -> this.locations.save(new Location(prefix(), "mercator", mercator)))
			.isInstanceOfSatisfying(InvalidGeometryException.class, (ex) -> {
				assertThat(ex.getEntityType()).isEqualTo("Location");
				assertThat(ex.getField()).isEqualTo("geom");
				assertThat(ex.getMessage()).contains("SRID 3857").contains("SRID 4326");
			});
		assertThat(this.locations.count()).isEqualTo(before);
	}

	@Test
	void geometriesAndDistancesAreBindParametersNotSqlText() {
		Point here = point(2.3456, 48.8765);
		List<String> statements = this.sent.during(() -> {
			this.locations.findAll(SpatialSpecifications.<Location>withinDistance("geom", here, 4321.5)
				.and(SpatialSpecifications.nearestFirst("geom", here)), PageRequest.of(0, 3));
			this.locations.findAll(SpatialSpecifications.within("geom", square(10.125, 20.375, 11.625, 21.875)));
			this.locations.findAll(SpatialSpecifications.withinBoundingBox("geom", 12.125, 20.375, 13.625, 21.875));
			this.zones.findAll(SpatialSpecifications.intersects("area", point(10.5625, 20.5625)));
		});
		assertThat(statements).hasSizeGreaterThanOrEqualTo(4);
		for (String sql : statements) {
			assertThat(sql).doesNotContain("2.3456", "48.8765", "4321.5", "10.125", "20.375", "11.625", "21.875",
					"12.125", "13.625", "10.5625", "POINT", "POLYGON");
		}
	}

	@Test
	void geometriesAndDistancesTheDatabaseWouldFailOnAreRefusedBeforeAnySql() {
		Point here = point(2.35, 48.85);
		refused(SpatialSpecifications.withinDistance("geom", here, Double.POSITIVE_INFINITY), "Infinity");
		refused(SpatialSpecifications.withinDistance("geom", here, Double.NaN), "NaN");
		refused(SpatialSpecifications.withinDistance("geom", here, -1), "zero or more");
		refused(SpatialSpecifications.withinDistance("geom", point(2.35, Double.NaN), 500), "finite");
		refused(SpatialSpecifications.withinDistance("geom", point(Double.POSITIVE_INFINITY, 48.85), 500), "finite");
		refused(SpatialSpecifications.nearestFirst("geom", point(Double.NaN, 0)), "finite");
		refused(SpatialSpecifications.withinBoundingBox("geom", 0, 0, Double.POSITIVE_INFINITY, 1), "finite");
		Polygon bowTie = WGS84.createPolygon(new Coordinate[] { new Coordinate(0, 0), new Coordinate(1, 1),
				new Coordinate(1, 0), new Coordinate(0, 1), new Coordinate(0, 0) });
		refused(SpatialSpecifications.within("geom", bowTie), "not valid");
		Point mercator = new GeometryFactory(new PrecisionModel(), 3857).createPoint(new Coordinate(1, 1));
		refused(SpatialSpecifications.intersects("geom", mercator), "SRID 3857", "SRID 4326");
		refused(SpatialSpecifications.withinDistance("geom", mercator, 10), "SRID 3857", "SRID 4326");
	}

	private void refused(Specification<Location> specification, String... message) {
		List<String> statements = this.sent.during(() -> assertThatThrownBy(
				() -> this.locations.findAll(specification, PageRequest.of(0, 5)))
			.isInstanceOfSatisfying(InvalidGeometryException.class, (ex) -> {
				assertThat(ex.getEntityType()).isEqualTo("Location");
				assertThat(ex.getField()).isEqualTo("geom");
				assertThat(ex.getMessage()).contains(message);
			}));
		assertThat(statements).as("statements sent").isEmpty();
	}

	/**
	 * The plans of the statements Hibernate sends, with their bound values: each predicate's
	 * bounding test is served by the spatial index, whether it comes from the specifications or
	 * from a search filter.
	 */
	@Test
	void onManyRowsTheSpecificationsAndTheSearchOperatorsUseTheSpatialIndex() {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> insertBulkZones());
		Point here = point(-160.35, -60.85);
		Polygon near = square(-160.4, -60.9, -160.3, -60.8);
		assertThat(plan(SpatialSpecifications.withinDistance("area", here, 1000))).contains("ix_zones_area");
		assertThat(plan(SpatialSpecifications.within("area", near))).contains("ix_zones_area");
		assertThat(plan(SpatialSpecifications.intersects("area", near))).contains("ix_zones_area");
		assertThat(plan(this.search.specification(Zone.class, "area:within_distance:POINT(-160.35 -60.85)|1000")))
			.contains("ix_zones_area");
		assertThat(plan(this.search.specification(Zone.class, "area:within:-160.4|-60.9|-160.3|-60.8")))
			.contains("ix_zones_area");
		assertThat(plan(this.search.specification(Zone.class,
				"area:intersects:\"POLYGON((-160.4 -60.9,-160.3 -60.9,-160.3 -60.8,-160.4 -60.9))\"")))
			.contains("ix_zones_area");
	}

	/** Zones in the South Pacific, away from every other test's geometries, and fresh statistics. */
	void insertBulkZones() {
		this.jdbc.update("""
				insert into zones (id, name, area)
				select nextval('zones_seq'), 'bulk', ST_SetSRID(ST_MakePoint(-170 + random() * 20, -70 + random() * 20), 4326)
				from generate_series(1, 50000)""");
		this.jdbc.execute("analyze zones");
	}

	/** The database's plan for the zones' names the specification selects, lower case. */
	String plan(Specification<Zone> specification) {
		List<String> lines = this.sent.explaining(() -> {
			CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
			CriteriaQuery<String> query = cb.createQuery(String.class);
			Root<Zone> root = query.from(Zone.class);
			query.select(root.get("name")).where(specification.toPredicate(root, query, cb));
			return this.entityManager.createQuery(query).getResultList();
		});
		return String.join("\n", lines).toLowerCase(Locale.ROOT);
	}

	List<String> codes(Specification<Location> specification) {
		return this.locations.findAll(specification).stream().map(Location::getCode).toList();
	}

	static Specification<Location> prefix(String prefix) {
		return (root, query, cb) -> cb.like(root.get("code"), prefix + "%");
	}

	static String prefix() {
		return UUID.randomUUID().toString().substring(0, 6) + "-";
	}

	static Point point(double x, double y) {
		return WGS84.createPoint(new Coordinate(x, y));
	}

	static Polygon square(double minX, double minY, double maxX, double maxY) {
		return WGS84.createPolygon(new Coordinate[] { new Coordinate(minX, minY), new Coordinate(maxX, minY),
				new Coordinate(maxX, maxY), new Coordinate(minX, maxY), new Coordinate(minX, minY) });
	}

}
