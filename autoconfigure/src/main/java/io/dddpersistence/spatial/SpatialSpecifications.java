package io.dddpersistence.spatial;

import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

import org.springframework.data.jpa.domain.Specification;

/**
 * Spatial predicates as Spring Data specifications, for geometry attributes in SRID 4326
 * (longitude/latitude) unless stated otherwise. Each is written so that PostgreSQL can use the
 * column's GIST index; on H2 with H2GIS the same predicates give the same rows (see
 * {@link GeodesicDistance} for distances), and nearest-first ordering sorts without the index.
 *
 * <pre class="code">
 * stores.findAll(SpatialSpecifications.&lt;Store&gt;withinDistance("location", here, 500)
 *     .and(SpatialSpecifications.nearestFirst("location", here)));
 * </pre>
 */
public final class SpatialSpecifications {

	private static final double METRES_PER_DEGREE = 111_320;

	private SpatialSpecifications() {
	}

	/**
	 * Rows whose geometry lies within the given distance in metres of the point, measured on the
	 * WGS 84 spheroid. A bounding test on the geometry (which the spatial index serves) comes first,
	 * then the exact test (PostGIS geography; on H2 the geodesic distance).
	 */
	public static <T> Specification<T> withinDistance(String attribute, Point center, double metres) {
		if (metres < 0 || Double.isNaN(metres)) {
			throw new IllegalArgumentException("Distance must be zero or more metres, was " + metres);
		}
		double degrees = boundingDegrees(center, metres);
		return (root, query, cb) -> {
			Expression<Geometry> geometry = path(root, attribute);
			Expression<Boolean> near = cb.function(SpatialSql.WITHIN_UNITS, Boolean.class, geometry, cb.literal(center),
					cb.literal(degrees));
			Expression<Boolean> exact = cb.function(SpatialSql.WITHIN_METRES, Boolean.class, geometry,
					cb.literal(center), cb.literal(metres));
			return cb.and(cb.isTrue(near), cb.isTrue(exact));
		};
	}

	/** Rows whose geometry lies within the polygon (or any geometry). */
	public static <T> Specification<T> within(String attribute, Geometry area) {
		return (root, query, cb) -> cb
			.isTrue(cb.function("ST_Within", Boolean.class, path(root, attribute), cb.literal(area)));
	}

	/** Rows whose geometry lies within the longitude/latitude box. */
	public static <T> Specification<T> withinBoundingBox(String attribute, double minX, double minY, double maxX,
			double maxY) {
		GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
		return within(attribute, factory.toGeometry(new Envelope(minX, maxX, minY, maxY)));
	}

	/** Rows whose geometry intersects the given geometry. */
	public static <T> Specification<T> intersects(String attribute, Geometry other) {
		return (root, query, cb) -> cb
			.isTrue(cb.function("ST_Intersects", Boolean.class, path(root, attribute), cb.literal(other)));
	}

	/**
	 * Orders rows nearest first to the point, by PostGIS's index-assisted distance operator (on H2 by
	 * {@code ST_Distance}, which sorts the filtered rows without the index). Combine
	 * with a filter and a limit; the specification adds no restriction of its own.
	 */
	public static <T> Specification<T> nearestFirst(String attribute, Point point) {
		return (root, query, cb) -> {
			if (query != null && !Long.class.equals(query.getResultType())
					&& !long.class.equals(query.getResultType())) {
				query.orderBy(cb.asc(cb.function(SpatialSql.KNN_DISTANCE, Double.class,
						path(root, attribute), cb.literal(point))));
			}
			return null;
		};
	}

	static double boundingDegrees(Point center, double metres) {
		double latitudeDegrees = metres / METRES_PER_DEGREE;
		double maxLatitude = Math.min(89.999, Math.abs(center.getY()) + latitudeDegrees);
		double longitudeDegrees = metres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(maxLatitude)));
		// a little slack so the geometry test never drops a row the exact test would keep
		return Math.max(latitudeDegrees, longitudeDegrees) * 1.01 + 1e-9;
	}

	private static Path<Geometry> path(Root<?> root, String attribute) {
		From<?, ?> from = root;
		String[] parts = attribute.split("\\.");
		for (int i = 0; i < parts.length - 1; i++) {
			from = from.join(parts[i]);
		}
		return from.get(parts[parts.length - 1]);
	}

}
