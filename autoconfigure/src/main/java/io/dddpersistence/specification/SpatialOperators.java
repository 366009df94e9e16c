package io.dddpersistence.specification;

import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import io.dddpersistence.spatial.SpatialPredicates;

/**
 * {@code within_distance}, {@code within} and {@code intersects} on JTS geometries, built by the
 * spatial trait's {@link SpatialPredicates}: the bounding test the column's spatial index serves,
 * then the exact test, with geometries and distances as bind parameters. Only loaded when JTS and
 * Hibernate Spatial are on the class path.
 */
final class SpatialOperators {

	private SpatialOperators() {
	}

	static List<SearchOperator> all() {
		return List.of(new WithinDistance(), new ShapeOperator("within", SpatialPredicates::within),
				new ShapeOperator("intersects", SpatialPredicates::intersects));
	}

	/**
	 * {@code location:within_distance:POINT(lon lat)|metres}. Geographic coordinates (SRID 4326) are
	 * compared as {@code geography}, so the distance is in metres on the spheroid; other SRIDs use
	 * their own units.
	 */
	private static final class WithinDistance implements SearchOperator, ValueRule {

		@Override
		public String name() {
			return "within_distance";
		}

		@Override
		public int minValues() {
			return 2;
		}

		@Override
		public int maxValues() {
			return 2;
		}

		@Override
		public boolean appliesTo(Class<?> fieldType) {
			return Geometry.class.isAssignableFrom(fieldType);
		}

		@Override
		public Class<?> valueType(Class<?> fieldType, int index, int count) {
			return (index == 0) ? Geometry.class : Double.class;
		}

		@Override
		public @Nullable String problem(int index, Object value) {
			// PostGIS refuses a negative tolerance; finite numbers are checked for every operator
			return (index == 1 && (Double) value < 0) ? "a distance of zero or more" : null;
		}

		@Override
		public Predicate toPredicate(CriteriaBuilder cb, Expression<?> field, List<Object> values) {
			Geometry centre = (Geometry) values.get(0);
			double distance = (Double) values.get(1);
			return (centre.getSRID() == 4326) ? SpatialPredicates.withinMetres(cb, geometry(field), centre, distance)
					: SpatialPredicates.withinUnits(cb, geometry(field), centre, distance);
		}

	}

	/** A relation to a shape given as one geometry, or as a box {@code minX|minY|maxX|maxY}. */
	private record ShapeOperator(String name, Relation relation) implements SearchOperator {

		@Override
		public int minValues() {
			return 1;
		}

		@Override
		public int maxValues() {
			return 4;
		}

		@Override
		public boolean acceptsValueCount(int count) {
			return count == 1 || count == 4;
		}

		@Override
		public boolean appliesTo(Class<?> fieldType) {
			return Geometry.class.isAssignableFrom(fieldType);
		}

		@Override
		public Class<?> valueType(Class<?> fieldType, int index, int count) {
			return (count == 1) ? Geometry.class : Double.class;
		}

		@Override
		public Predicate toPredicate(CriteriaBuilder cb, Expression<?> field, List<Object> values) {
			Geometry shape = (values.size() == 1) ? (Geometry) values.get(0) : box(values, ColumnSrid.of(field));
			return this.relation.toPredicate(cb, geometry(field), shape);
		}

		/** The box in the column's SRID: its coordinates are in the column's units. */
		private static Geometry box(List<Object> values, int srid) {
			if (values.size() != 4) {
				throw new InvalidValueException("?", "within", values, "one geometry or four box coordinates");
			}
			Envelope envelope = new Envelope((Double) values.get(0), (Double) values.get(2), (Double) values.get(1),
					(Double) values.get(3));
			return new GeometryFactory(new PrecisionModel(), srid).toGeometry(envelope);
		}

	}

	/** One of {@link SpatialPredicates}' relations between a geometry column and a shape. */
	@FunctionalInterface
	private interface Relation {

		Predicate toPredicate(CriteriaBuilder cb, Expression<? extends Geometry> geometry, Geometry shape);

	}

	/** The operators apply to geometry fields only ({@link SearchOperator#appliesTo}). */
	@SuppressWarnings("unchecked")
	private static Expression<? extends Geometry> geometry(Expression<?> field) {
		return (Expression<? extends Geometry>) field;
	}

}
