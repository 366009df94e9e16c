package io.dddpersistence.specification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

import org.springframework.util.ClassUtils;

/**
 * The operators every search language has; the spatial ones join when Hibernate Spatial and JTS are
 * on the class path.
 */
final class StandardOperators {

	static final char LIKE_ESCAPE = '\\';

	private static final boolean SPATIAL_PRESENT = ClassUtils.isPresent("org.locationtech.jts.geom.Geometry",
			StandardOperators.class.getClassLoader())
			&& ClassUtils.isPresent("org.hibernate.spatial.CommonSpatialFunction",
					StandardOperators.class.getClassLoader());

	private static final int MANY = Integer.MAX_VALUE;

	private StandardOperators() {
	}

	static List<SearchOperator> all() {
		List<SearchOperator> operators = new ArrayList<>();
		operators.add(op("eq", 1, 1, StandardOperators::scalar, (cb, f, v) -> cb.equal(f, v.get(0))));
		operators.add(op("ne", 1, 1, StandardOperators::scalar, (cb, f, v) -> cb.notEqual(f, v.get(0))));
		operators.add(op("gt", 1, 1, StandardOperators::ordered, (cb, f, v) -> cb.greaterThan(c(f), c(v.get(0)))));
		operators.add(op("gte", 1, 1, StandardOperators::ordered,
				(cb, f, v) -> cb.greaterThanOrEqualTo(c(f), c(v.get(0)))));
		operators.add(op("lt", 1, 1, StandardOperators::ordered, (cb, f, v) -> cb.lessThan(c(f), c(v.get(0)))));
		operators.add(op("lte", 1, 1, StandardOperators::ordered,
				(cb, f, v) -> cb.lessThanOrEqualTo(c(f), c(v.get(0)))));
		operators.add(op("between", 2, 2, StandardOperators::ordered,
				(cb, f, v) -> cb.between(c(f), c(v.get(0)), c(v.get(1)))));
		operators.add(op("in", 1, MANY, StandardOperators::scalar, (cb, f, v) -> f.in(v)));
		operators.add(op("not_in", 1, MANY, StandardOperators::scalar, (cb, f, v) -> cb.not(f.in(v))));
		operators.add(text("like", (cb, f, v) -> cb.like(s(f), pattern((String) v.get(0)), LIKE_ESCAPE)));
		operators.add(text("ilike", (cb, f, v) -> cb.like(cb.lower(s(f)),
				pattern((String) v.get(0)).toLowerCase(Locale.ROOT), LIKE_ESCAPE)));
		operators.add(text("contains",
				(cb, f, v) -> cb.like(s(f), "%" + escapeLike((String) v.get(0)) + "%", LIKE_ESCAPE)));
		operators.add(text("starts_with",
				(cb, f, v) -> cb.like(s(f), escapeLike((String) v.get(0)) + "%", LIKE_ESCAPE)));
		operators.add(text("ends_with",
				(cb, f, v) -> cb.like(s(f), "%" + escapeLike((String) v.get(0)), LIKE_ESCAPE)));
		operators.add(op("is_null", 0, 0, StandardOperators::notCollection, (cb, f, v) -> cb.isNull(f)));
		operators.add(op("is_not_null", 0, 0, StandardOperators::notCollection, (cb, f, v) -> cb.isNotNull(f)));
		operators.add(op("is_empty", 0, 0, StandardOperators::emptiable, StandardOperators::isEmpty));
		operators.add(op("is_not_empty", 0, 0, StandardOperators::emptiable,
				(cb, f, v) -> cb.not(isEmpty(cb, f, v))));
		if (SPATIAL_PRESENT) {
			operators.addAll(SpatialOperators.all());
		}
		return operators;
	}

	private static SearchOperator op(String name, int min, int max, java.util.function.Predicate<Class<?>> applies,
			SearchOperator.PredicateBuilder predicate) {
		return new SimpleOperator(name, min, max, applies, null, predicate);
	}

	private static SearchOperator text(String name, SearchOperator.PredicateBuilder predicate) {
		return new SimpleOperator(name, 1, 1, (type) -> type == String.class, String.class, predicate);
	}

	static boolean isGeometry(Class<?> type) {
		for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
			if (candidate.getName().equals("org.locationtech.jts.geom.Geometry")) {
				return true;
			}
		}
		return false;
	}

	private static boolean notCollection(Class<?> type) {
		return !Collection.class.isAssignableFrom(type);
	}

	private static boolean scalar(Class<?> type) {
		return notCollection(type) && !isGeometry(type);
	}

	private static boolean ordered(Class<?> type) {
		return scalar(type) && Comparable.class.isAssignableFrom(type) && type != Boolean.class;
	}

	private static boolean emptiable(Class<?> type) {
		return type == String.class || Collection.class.isAssignableFrom(type);
	}

	@SuppressWarnings("unchecked")
	private static Predicate isEmpty(CriteriaBuilder cb, Expression<?> field, List<Object> values) {
		if (Collection.class.isAssignableFrom(field.getJavaType())) {
			return cb.isEmpty((Expression<Collection<?>>) field);
		}
		return cb.or(cb.isNull(field), cb.equal(field, ""));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Expression<Comparable> c(Expression<?> field) {
		return (Expression<Comparable>) field;
	}

	@SuppressWarnings("rawtypes")
	private static Comparable c(Object value) {
		return (Comparable) value;
	}

	@SuppressWarnings("unchecked")
	private static Expression<String> s(Expression<?> field) {
		return (Expression<String>) field;
	}

	/** Escapes the LIKE wildcards and the escape character so that the text matches literally. */
	static String escapeLike(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (ch == LIKE_ESCAPE || ch == '%' || ch == '_') {
				escaped.append(LIKE_ESCAPE);
			}
			escaped.append(ch);
		}
		return escaped.toString();
	}

	/**
	 * A user's pattern: {@code *} is the only wildcard (any run of characters); {@code \*} is a literal
	 * star; SQL's {@code %} and {@code _} match themselves.
	 */
	static String pattern(String text) {
		StringBuilder pattern = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (ch == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
				pattern.append('*');
				i++;
			}
			else if (ch == '*') {
				pattern.append('%');
			}
			else {
				pattern.append(escapeLike(String.valueOf(ch)));
			}
		}
		return pattern.toString();
	}

}
