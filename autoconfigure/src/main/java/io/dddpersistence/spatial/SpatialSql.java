package io.dddpersistence.spatial;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.query.sqm.function.SqmFunctionRegistry;
import org.hibernate.mapping.Table;
import org.hibernate.type.BasicType;

import org.springframework.util.ClassUtils;

import io.dddpersistence.entity.H2IndexDdl;
import io.dddpersistence.entity.PostgresIndexDdl;
import io.dddpersistence.vendor.DatabaseVendor;

/**
 * The SQL the spatial trait writes on one database: the index of a geometry column, the functions
 * {@link SpatialPredicates} call, and what has to be set up in a new database. Every spatial
 * function name the library uses is written here once: the library's own ({@code ddd_*}), which
 * each vendor renders because the Criteria API cannot write an operator such as {@code &&} or
 * {@code <->}, and the exact tests Hibernate Spatial registers on both databases.
 */
sealed interface SpatialSql permits SpatialSql.PostGis, SpatialSql.H2Gis {

	/** Orders by distance; with PostGIS the GIST index serves it (nearest-first). */
	String KNN_DISTANCE = "ddd_knn_distance";

	/**
	 * A cheap bounding test, in the geometry's units (degrees for 4326), that the spatial index
	 * serves: the geometry's box overlaps the centre's box grown by the distance.
	 */
	String WITHIN_UNITS = "ddd_within_units";

	/** A cheap bounding test that the spatial index serves: the two geometries' boxes overlap. */
	String BOXES_INTERSECT = "ddd_boxes_intersect";

	/** The exact test: within a distance in metres on the WGS 84 spheroid. */
	String WITHIN_METRES = "ddd_within_metres";

	/** The exact test: within a distance in the SRID's units (Hibernate Spatial's function). */
	String ST_DWITHIN = "st_dwithin";

	/** The exact test: inside the other geometry (Hibernate Spatial's function). */
	String ST_WITHIN = "st_within";

	/** The exact test: shares a point with the other geometry (Hibernate Spatial's function). */
	String ST_INTERSECTS = "st_intersects";

	static SpatialSql of(DatabaseVendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> new PostGis();
			case H2 -> new H2Gis();
		};
	}

	AuxiliaryDatabaseObject index(Table table, String name, String column);

	/** The statement of {@link #index} on the table named so, as the start-up check prints it. */
	String indexStatement(String table, String name, String column);

	void registerFunctions(SqmFunctionRegistry functions, BasicType<Double> number, BasicType<Boolean> bool);

	/**
	 * The bounding tests, the same on both databases: {@code &&} compares bounding boxes and is the
	 * operator both spatial indexes serve.
	 */
	default void registerBoundingTests(SqmFunctionRegistry functions, BasicType<Boolean> bool) {
		functions.registerPattern(WITHIN_UNITS, "(?1 && ST_Expand(?2, ?3))", bool);
		functions.registerPattern(BOXES_INTERSECT, "(?1 && ?2)", bool);
	}

	/** Makes the database ready for the spatial functions; called once per data source. */
	void prepare(Connection connection) throws SQLException;

	/** Whether the database knows the SRID. */
	default boolean knowsSrid(Connection connection, int srid) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select 1 from spatial_ref_sys where srid = ?")) {
			statement.setInt(1, srid);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	record PostGis() implements SpatialSql {

		@Override
		public AuxiliaryDatabaseObject index(Table table, String name, String column) {
			return new PostgresIndexDdl(table, name, false, "gist", List.of(column), null);
		}

		@Override
		public String indexStatement(String table, String name, String column) {
			return PostgresIndexDdl.printed(table, name, false, "gist", List.of(column), null);
		}

		@Override
		public void registerFunctions(SqmFunctionRegistry functions, BasicType<Double> number, BasicType<Boolean> bool) {
			// the <-> operator is what lets an ORDER BY ... LIMIT walk the GIST index nearest first
			functions.registerPattern(KNN_DISTANCE, "(?1 <-> ?2)", number);
			registerBoundingTests(functions, bool);
			functions.registerPattern(WITHIN_METRES, "ST_DWithin(geography(?1), geography(?2), ?3)", bool);
		}

		@Override
		public void prepare(Connection connection) {
			// PostGIS is an extension the schema owner installs; nothing to load per connection
		}

	}

	record H2Gis() implements SpatialSql {

		static final String H2GIS_FUNCTIONS = "org.h2gis.functions.factory.H2GISFunctions";

		@Override
		public AuxiliaryDatabaseObject index(Table table, String name, String column) {
			return H2IndexDdl.spatial(table, name, column);
		}

		@Override
		public String indexStatement(String table, String name, String column) {
			return H2IndexDdl.spatialStatement(table, name, column);
		}

		@Override
		public void registerFunctions(SqmFunctionRegistry functions, BasicType<Double> number, BasicType<Boolean> bool) {
			// H2 has no distance operator: ST_Distance orders the same (planar, in the SRID's units), without the index
			functions.registerPattern(KNN_DISTANCE, "ST_Distance(?1, ?2)", number);
			registerBoundingTests(functions, bool);
			functions.registerPattern(WITHIN_METRES, "(DDD_GEODESIC_METRES(?1, ?2) <= ?3)", bool);
		}

		@Override
		public void prepare(Connection connection) throws SQLException {
			if (!ClassUtils.isPresent(H2GIS_FUNCTIONS, SpatialSql.class.getClassLoader())) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				if (!loaded(connection)) {
					statement.execute("create alias if not exists H2GIS_SPATIAL for '" + H2GIS_FUNCTIONS + ".load'");
					statement.execute("call H2GIS_SPATIAL()");
				}
				statement.execute("create alias if not exists DDD_GEODESIC_METRES for '"
						+ GeodesicDistance.class.getName() + ".metres'");
			}
		}

		private static boolean loaded(Connection connection) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(
					"select 1 from information_schema.routines where routine_schema = current_schema and routine_name = 'ST_DWITHIN'");
					ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}

	}

}
