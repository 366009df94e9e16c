package io.dddpersistence.specification;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * What a geometry value must be before it is bound: JTS reads {@code 1e309}, {@code Infinity} and
 * {@code NaN} as coordinates, any SRID, and self-intersecting rings, and PostGIS fails on each of
 * them inside the query instead of the search failing as a typed error. Only loaded for geometry
 * values, so the search language runs without JTS.
 */
final class GeometryValues {

	private GeometryValues() {
	}

	/** Why the geometry cannot be compared with a column in {@code columnSrid}, or {@code null} when it can. */
	static @Nullable String problem(Object value, int columnSrid) {
		Geometry geometry = (Geometry) value;
		if (!finite(geometry)) {
			return "a geometry with finite coordinates";
		}
		if (geometry.getSRID() != columnSrid) {
			return "a geometry in SRID " + columnSrid + " (the column's, geometries are not transformed), not SRID "
					+ geometry.getSRID();
		}
		if (!geometry.isValid()) {
			return "a valid geometry (closed rings that do not cross themselves)";
		}
		return null;
	}

	private static boolean finite(Geometry geometry) {
		for (Coordinate coordinate : geometry.getCoordinates()) {
			// an absent Z or M reads as NaN, so only infinities count there
			if (!Double.isFinite(coordinate.getX()) || !Double.isFinite(coordinate.getY())
					|| Double.isInfinite(coordinate.getZ()) || Double.isInfinite(coordinate.getM())) {
				return false;
			}
		}
		return true;
	}

}
