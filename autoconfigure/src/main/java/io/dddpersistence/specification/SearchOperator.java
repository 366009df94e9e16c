package io.dddpersistence.specification;

import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/**
 * One operator of the search language, such as {@code eq} or {@code within_distance}. Declare your
 * own as a bean and it joins the {@link OperatorRegistry}; a bean with the name of a standard
 * operator replaces it.
 *
 * <pre class="code">
 * &#64;Bean
 * SearchOperator sameDay() {
 *     return SearchOperator.of("same_day", 1, 1, Instant.class::isAssignableFrom,
 *         (cb, field, values) -&gt; cb.equal(cb.function("date", LocalDate.class, field),
 *             cb.function("date", LocalDate.class, ((HibernateCriteriaBuilder) cb).value(values.get(0)))));
 * }
 * </pre>
 *
 * A value passed to the criteria builder as it is ({@code cb.equal(field, value)}) or through
 * {@code HibernateCriteriaBuilder.value(value)} is a bind parameter; {@code cb.literal(value)} writes
 * it into the SQL text, so never use it on a value from a filter.
 */
public interface SearchOperator {

	/** The name used in filters: lower-case letters, digits and underscores. */
	String name();

	/** The fewest values a condition with this operator takes. */
	int minValues();

	/** The most values a condition with this operator takes. */
	int maxValues();

	/** Whether a condition may have this many values; between the bounds by default. */
	default boolean acceptsValueCount(int count) {
		return count >= minValues() && count <= maxValues();
	}

	/** Whether the operator can be used on a field of this Java type (boxed; collections as {@code Collection}). */
	boolean appliesTo(Class<?> fieldType);

	/**
	 * The type the value at {@code index} of {@code count} is converted to; the field's type by
	 * default. String operators ask for {@code String}, spatial ones for a geometry and a distance.
	 */
	default Class<?> valueType(Class<?> fieldType, int index, int count) {
		return fieldType;
	}

	/**
	 * The predicate for a field and values already converted and checked. Bind values as parameters
	 * (as they are, or with {@code HibernateCriteriaBuilder.value}); never {@code cb.literal}, and
	 * never concatenate them into SQL or JPQL text.
	 */
	Predicate toPredicate(CriteriaBuilder cb, Expression<?> field, List<Object> values);

	/** Builds the predicate of an operator. */
	@FunctionalInterface
	interface PredicateBuilder {

		Predicate build(CriteriaBuilder cb, Expression<?> field, List<Object> values);

	}

	/** An operator whose values have the field's type. */
	static SearchOperator of(String name, int minValues, int maxValues,
			java.util.function.Predicate<Class<?>> appliesTo, PredicateBuilder predicate) {
		return new SimpleOperator(name, minValues, maxValues, appliesTo, null, predicate);
	}

}
