package io.dddpersistence.spatial;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The spatial predicates as criteria, each a bounding test on the geometry column that its spatial
 * index serves (GIST on PostgreSQL, H2's spatial index) followed by the exact test. Both
 * {@link SpatialSpecifications} and the search language's {@code within_distance}, {@code within}
 * and {@code intersects} are built from them; use them in criteria of your own. Geometries and
 * distances are bind parameters. The values are not checked here: {@link SpatialSpecifications}
 * and the search language refuse a geometry the database would fail on, with the entity and field
 * in the message.
 *
 * <pre class="code">
 * cb.and(cb.equal(root.get("open"), true),
 *     SpatialPredicates.withinMetres(cb, root.get("location"), here, 500));
 * </pre>
 */
public final class SpatialPredicates {

	private static final double METRES_PER_DEGREE = 111_320;

	private SpatialPredicates() {
	}

	/**
	 * Geometries within the distance in metres of the centre, measured on the WGS 84 spheroid, for
	 * longitude/latitude columns (SRID 4326): first a box in degrees around the centre, then
	 * PostGIS's geography distance (on H2 the geodesic distance, {@link GeodesicDistance}).
	 */
	public static Predicate withinMetres(CriteriaBuilder cb, Expression<? extends Geometry> geometry, Geometry centre,
			double metres) {
		requireDistance(metres);
		Expression<Boolean> near = cb.function(SpatialSql.WITHIN_UNITS, Boolean.class, geometry, bound(cb, centre),
				bound(cb, boundingDegrees(centre, metres)));
		Expression<Boolean> exact = cb.function(SpatialSql.WITHIN_METRES, Boolean.class, geometry, bound(cb, centre),
				bound(cb, metres));
		return cb.and(cb.isTrue(near), cb.isTrue(exact));
	}

	/**
	 * Geometries within the distance of the centre in the units of their SRID (metres for Web
	 * Mercator, degrees for 4326): first the box, then {@code ST_DWithin}.
	 */
	public static Predicate withinUnits(CriteriaBuilder cb, Expression<? extends Geometry> geometry, Geometry centre,
			double distance) {
		requireDistance(distance);
		Expression<Boolean> near = cb.function(SpatialSql.WITHIN_UNITS, Boolean.class, geometry, bound(cb, centre),
				bound(cb, distance));
		Expression<Boolean> exact = cb.function(SpatialSql.ST_DWITHIN, Boolean.class, geometry, bound(cb, centre),
				bound(cb, distance));
		return cb.and(cb.isTrue(near), cb.isTrue(exact));
	}

	/** Geometries within the area: their box overlaps the area's, then {@code ST_Within}. */
	public static Predicate within(CriteriaBuilder cb, Expression<? extends Geometry> geometry, Geometry area) {
		return boxedThen(cb, SpatialSql.ST_WITHIN, geometry, area);
	}

	/** Geometries that intersect the other: their box overlaps the other's, then {@code ST_Intersects}. */
	public static Predicate intersects(CriteriaBuilder cb, Expression<? extends Geometry> geometry, Geometry other) {
		return boxedThen(cb, SpatialSql.ST_INTERSECTS, geometry, other);
	}

	/**
	 * Nearest first to the point: PostGIS's index-assisted distance operator ({@code <->}); on H2
	 * {@code ST_Distance}, which sorts the filtered rows without the index.
	 */
	public static Order nearestFirst(CriteriaBuilder cb, Expression<? extends Geometry> geometry, Point point) {
		return cb.asc(cb.function(SpatialSql.KNN_DISTANCE, Double.class, geometry, bound(cb, point)));
	}

	/**
	 * Degrees of longitude/latitude that hold every point within {@code metres} of the centre, with
	 * a little slack, so the box never drops a row the exact test would keep.
	 */
	static double boundingDegrees(Geometry centre, double metres) {
		double latitudeDegrees = metres / METRES_PER_DEGREE;
		Envelope box = centre.getEnvelopeInternal();
		double furthestFromEquator = Math.max(Math.abs(box.getMinY()), Math.abs(box.getMaxY()));
		double maxLatitude = Math.min(89.999, furthestFromEquator + latitudeDegrees);
		double longitudeDegrees = metres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(maxLatitude)));
		return Math.max(latitudeDegrees, longitudeDegrees) * 1.01 + 1e-9;
	}

	private static Predicate boxedThen(CriteriaBuilder cb, String exactFunction, Expression<? extends Geometry> geometry,
			Geometry shape) {
		Expression<Boolean> boxes = cb.function(SpatialSql.BOXES_INTERSECT, Boolean.class, geometry, bound(cb, shape));
		Expression<Boolean> exact = cb.function(exactFunction, Boolean.class, geometry, bound(cb, shape));
		return cb.and(cb.isTrue(boxes), cb.isTrue(exact));
	}

	private static void requireDistance(double distance) {
		if (!(distance >= 0) || Double.isInfinite(distance)) {
			throw new IllegalArgumentException("A distance must be a finite number, zero or more, not " + distance);
		}
	}

	/** A bind parameter: {@code cb.literal} would write the value into the SQL text. */
	private static <V> Expression<V> bound(CriteriaBuilder cb, V value) {
		return ((HibernateCriteriaBuilder) cb).value(value);
	}

}
