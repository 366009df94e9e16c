package io.dddpersistence.specification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A search filter: a condition on one field, or an {@code and}, {@code or} or {@code not} group of
 * filters nested to any depth. Build one in Java, or parse one from JSON or a URL query string with
 * {@link SearchLanguage}; both forms give the same tree.
 *
 * <pre class="code">
 * Filter filter = Filter.where("status", "eq", "pending")
 *     .and(Filter.field("price").gte(10).or(Filter.field("name").ilike("foo*")));
 * </pre>
 */
public sealed interface Filter permits Filter.Condition, Filter.And, Filter.Or, Filter.Not {

	/** A condition {@code field operator values}; the values are converted to the field's type later. */
	static Condition where(String field, String operator, Object... values) {
		return new Condition(field, operator, Arrays.asList(values));
	}

	/** Starts a fluent condition on a field (dotted paths go through associations). */
	static FieldConditions field(String field) {
		return new FieldConditions(field);
	}

	static Filter and(Filter... filters) {
		return new And(List.of(filters));
	}

	static Filter or(Filter... filters) {
		return new Or(List.of(filters));
	}

	static Filter not(Filter filter) {
		return new Not(filter);
	}

	default Filter and(Filter other) {
		List<Filter> filters = new ArrayList<>((this instanceof And and) ? and.filters() : List.of(this));
		filters.add(other);
		return new And(filters);
	}

	default Filter or(Filter other) {
		List<Filter> filters = new ArrayList<>((this instanceof Or or) ? or.filters() : List.of(this));
		filters.add(other);
		return new Or(filters);
	}

	default Filter negate() {
		return new Not(this);
	}

	/** One condition. Values are strings when parsed from text, any object when built in Java. */
	record Condition(String field, String operator, List<Object> values) implements Filter {

		public Condition {
			Objects.requireNonNull(field, "field");
			Objects.requireNonNull(operator, "operator");
			// nulls are kept so that the compiler can reject them as a typed error naming the field
			values = Collections.unmodifiableList(new ArrayList<>(values));
		}

	}

	/** All of the filters hold. */
	record And(List<Filter> filters) implements Filter {

		public And {
			filters = List.copyOf(filters);
		}

	}

	/** At least one of the filters holds. */
	record Or(List<Filter> filters) implements Filter {

		public Or {
			filters = List.copyOf(filters);
		}

	}

	/** The filter does not hold. */
	record Not(Filter filter) implements Filter {

		public Not {
			Objects.requireNonNull(filter, "filter");
		}

	}

	/** The fluent form of a condition: {@code Filter.field("price").between(10, 20)}. */
	final class FieldConditions {

		private final String field;

		FieldConditions(String field) {
			this.field = field;
		}

		public Condition is(String operator, Object... values) {
			return where(this.field, operator, values);
		}

		public Condition eq(Object value) {
			return is("eq", value);
		}

		public Condition ne(Object value) {
			return is("ne", value);
		}

		public Condition gt(Object value) {
			return is("gt", value);
		}

		public Condition gte(Object value) {
			return is("gte", value);
		}

		public Condition lt(Object value) {
			return is("lt", value);
		}

		public Condition lte(Object value) {
			return is("lte", value);
		}

		public Condition in(Object... values) {
			return is("in", values);
		}

		public Condition notIn(Object... values) {
			return is("not_in", values);
		}

		public Condition between(Object low, Object high) {
			return is("between", low, high);
		}

		public Condition like(String pattern) {
			return is("like", pattern);
		}

		public Condition ilike(String pattern) {
			return is("ilike", pattern);
		}

		public Condition contains(String text) {
			return is("contains", text);
		}

		public Condition startsWith(String text) {
			return is("starts_with", text);
		}

		public Condition endsWith(String text) {
			return is("ends_with", text);
		}

		public Condition isNull() {
			return is("is_null");
		}

		public Condition isNotNull() {
			return is("is_not_null");
		}

		public Condition isEmpty() {
			return is("is_empty");
		}

		public Condition isNotEmpty() {
			return is("is_not_empty");
		}

	}

}
