package io.dddpersistence.spatial;

import java.lang.reflect.Field;

import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.Attribute;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.util.ReflectionUtils;

import io.dddpersistence.error.InvalidGeometryException;

/**
 * Spatial predicates as Spring Data specifications, for geometry attributes in SRID 4326
 * (longitude/latitude) unless stated otherwise. Each is built from {@link SpatialPredicates}, so
 * that the column's spatial index (GIST on PostgreSQL) serves its bounding test; on H2 with H2GIS the same predicates give the same rows (see
 * {@link GeodesicDistance} for distances), and nearest-first ordering sorts without the index.
 * Geometries and distances are bind parameters. A geometry with a coordinate that is not finite,
 * one that is not valid, one in another SRID than a {@link SpatialColumn}'s, or a distance that is
 * negative or not finite fails with {@link InvalidGeometryException} (HTTP 400 in web use) when the
 * specification is applied, before any SQL is sent; geometries are never transformed.
 *
 * <pre class="code">
 * stores.findAll(SpatialSpecifications.&lt;Store&gt;withinDistance("location", here, 500)
 *     .and(SpatialSpecifications.nearestFirst("location", here)));
 * </pre>
 */
public final class SpatialSpecifications {

	private SpatialSpecifications() {
	}

	/**
	 * Rows whose geometry lies within the given distance in metres of the point, measured on the
	 * WGS 84 spheroid. A bounding test on the geometry (which the spatial index serves) comes first,
	 * then the exact test (PostGIS geography; on H2 the geodesic distance).
	 */
	public static <T> Specification<T> withinDistance(String attribute, Point center, double metres) {
		return (root, query, cb) -> {
			Path<Geometry> geometry = path(root, attribute);
			checked(root, attribute, geometry, center);
			if (!(metres >= 0) || Double.isInfinite(metres)) {
				throw new InvalidGeometryException(entity(root), attribute,
						"the distance must be a finite number of metres, zero or more, not " + metres);
			}
			return SpatialPredicates.withinMetres(cb, geometry, center, metres);
		};
	}

	/**
	 * Rows whose geometry lies within the polygon (or any geometry): a bounding-box test that the
	 * spatial index serves, then the exact test.
	 */
	public static <T> Specification<T> within(String attribute, Geometry area) {
		return (root, query, cb) -> {
			Path<Geometry> geometry = path(root, attribute);
			checked(root, attribute, geometry, area);
			return SpatialPredicates.within(cb, geometry, area);
		};
	}

	/** Rows whose geometry lies within the longitude/latitude box. */
	public static <T> Specification<T> withinBoundingBox(String attribute, double minX, double minY, double maxX,
			double maxY) {
		GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
		return within(attribute, factory.toGeometry(new Envelope(minX, maxX, minY, maxY)));
	}

	/**
	 * Rows whose geometry intersects the given geometry: a bounding-box test that the spatial index
	 * serves, then the exact test.
	 */
	public static <T> Specification<T> intersects(String attribute, Geometry other) {
		return (root, query, cb) -> {
			Path<Geometry> geometry = path(root, attribute);
			checked(root, attribute, geometry, other);
			return SpatialPredicates.intersects(cb, geometry, other);
		};
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
				Path<Geometry> geometry = path(root, attribute);
				checked(root, attribute, geometry, point);
				query.orderBy(SpatialPredicates.nearestFirst(cb, geometry, point));
			}
			return null;
		};
	}

	/**
	 * Refuses what PostGIS would fail on inside the query, or answer wrongly: coordinates that are
	 * not finite (NaN, infinities), invalid shapes, and another SRID than the column's.
	 */
	private static void checked(Root<?> root, String attribute, Path<Geometry> column, Geometry value) {
		for (Coordinate coordinate : value.getCoordinates()) {
			// an absent Z or M reads as NaN, so only infinities count there
			if (!Double.isFinite(coordinate.getX()) || !Double.isFinite(coordinate.getY())
					|| Double.isInfinite(coordinate.getZ()) || Double.isInfinite(coordinate.getM())) {
				throw new InvalidGeometryException(entity(root), attribute,
						"a coordinate of the " + value.getGeometryType() + " is not a finite number");
			}
		}
		Integer srid = declaredSrid(column);
		if (srid != null && srid != value.getSRID()) {
			throw new InvalidGeometryException(entity(root), attribute, "the " + value.getGeometryType()
					+ " has SRID " + value.getSRID() + " but the column holds SRID " + srid
					+ "; create it in SRID " + srid + " (geometries are not transformed)");
		}
		if (!value.isValid()) {
			throw new InvalidGeometryException(entity(root), attribute,
					"the " + value.getGeometryType() + " is not valid (a ring crosses itself or is not closed)");
		}
	}

	/** The SRID of the attribute's {@link SpatialColumn}, or {@code null} when it declares none. */
	private static @Nullable Integer declaredSrid(Path<?> column) {
		if (!(column.getModel() instanceof Attribute<?, ?> attribute)) {
			return null;
		}
		Field field = (attribute.getJavaMember() instanceof Field member) ? member
				: ReflectionUtils.findField(attribute.getDeclaringType().getJavaType(), attribute.getName());
		SpatialColumn spatial = (field != null) ? field.getAnnotation(SpatialColumn.class) : null;
		return (spatial != null) ? spatial.srid() : null;
	}

	private static String entity(Root<?> root) {
		return root.getJavaType().getSimpleName();
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
