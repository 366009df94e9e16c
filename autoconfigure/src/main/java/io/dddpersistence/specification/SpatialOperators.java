package io.dddpersistence.specification;

import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * {@code within_distance}, {@code within} and {@code intersects} on JTS geometries, through the
 * PostGIS functions Hibernate Spatial knows. Only loaded when both are on the class path. Geometries
 * and distances are bind parameters (a geometry is bound as a geometry through Hibernate Spatial);
 * {@code cb.literal} would write them into the SQL text.
 */
final class SpatialOperators {

	private SpatialOperators() {
	}

	/** The spatial trait's function for a distance in metres on the WGS 84 spheroid (see SpatialSql). */
	private static final String WITHIN_METRES = "ddd_within_metres";

	static List<SearchOperator> all() {
		return List.of(new WithinDistance(), new ShapeOperator("within", "st_within"),
				new ShapeOperator("intersects", "st_intersects"));
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
			Expression<Double> distance = bound(cb, (Double) values.get(1));
			if (centre.getSRID() == 4326) {
				// registered per database by the spatial trait: PostGIS geography, or the geodesic distance on H2
				return cb.isTrue(cb.function(WITHIN_METRES, Boolean.class, field, bound(cb, centre), distance));
			}
			return cb.isTrue(cb.function("st_dwithin", Boolean.class, field, bound(cb, centre), distance));
		}

	}

	/** A relation to a shape given as one geometry, or as a box {@code minX|minY|maxX|maxY}. */
	private record ShapeOperator(String name, String function) implements SearchOperator {

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
			return cb.isTrue(cb.function(this.function, Boolean.class, field, bound(cb, shape)));
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

	/** A bind parameter holding the value, typed by the value's class (a JTS geometry binds as a geometry). */
	private static <T> Expression<T> bound(CriteriaBuilder cb, T value) {
		return ((HibernateCriteriaBuilder) cb).value(value);
	}

}
