package io.dddpersistence.spatial;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.ReflectionUtils;

/** The spatial columns one entity class declares, validated once and cached. */
final class SpatialFields {

	static final Set<String> TYPES = Set.of("GEOMETRY", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
			"MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

	/** PostGIS accepts SRIDs from 1 to 998999 in spatial_ref_sys. */
	static final int MAX_SRID = 998_999;

	private static final Map<Class<?>, List<Field>> CACHE = new ConcurrentHashMap<>();

	private SpatialFields() {
	}

	static List<Field> of(Class<?> type) {
		return CACHE.computeIfAbsent(type, SpatialFields::scan);
	}

	private static List<Field> scan(Class<?> type) {
		List<Field> found = new ArrayList<>();
		ReflectionUtils.doWithFields(type, found::add, (field) -> field.isAnnotationPresent(SpatialColumn.class));
		for (Field field : found) {
			SpatialColumn column = field.getAnnotation(SpatialColumn.class);
			if (!TYPES.contains(column.type().toUpperCase(Locale.ROOT))) {
				throw new IllegalStateException("Entity " + type.getName() + " declares @SpatialColumn '" + field.getName()
						+ "' with unknown geometry type '" + column.type() + "'; use one of " + TYPES + ".");
			}
			if (column.srid() < 1 || column.srid() > MAX_SRID) {
				throw new IllegalStateException("Entity " + type.getName() + " declares @SpatialColumn '" + field.getName()
						+ "' with invalid SRID " + column.srid() + "; an SRID is between 1 and " + MAX_SRID
						+ " (4326 for longitude/latitude).");
			}
			ReflectionUtils.makeAccessible(field);
		}
		return List.copyOf(found);
	}

	private static final Map<String, String> POSTGIS_NAMES = Map.of("GEOMETRY", "Geometry", "POINT", "Point",
			"LINESTRING", "LineString", "POLYGON", "Polygon", "MULTIPOINT", "MultiPoint", "MULTILINESTRING",
			"MultiLineString", "MULTIPOLYGON", "MultiPolygon", "GEOMETRYCOLLECTION", "GeometryCollection");

	static String sqlType(SpatialColumn column) {
		return "geometry(" + POSTGIS_NAMES.get(column.type().toUpperCase(Locale.ROOT)) + "," + column.srid() + ")";
	}

	/** Whether a JTS geometry type name (Point, MultiPolygon, ...) is allowed in the declared column. */
	static boolean accepts(SpatialColumn column, String geometryType) {
		String declared = column.type().toUpperCase(Locale.ROOT);
		return declared.equals("GEOMETRY") || declared.equals(geometryType.toUpperCase(Locale.ROOT));
	}

}
