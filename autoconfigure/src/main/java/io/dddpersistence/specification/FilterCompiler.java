package io.dddpersistence.specification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;

/**
 * Checks a filter tree completely (limits, fields, whitelist, operators, values) and turns it into a
 * tree of checked conditions with converted values. Everything a caller can get wrong fails here, so
 * the specification built from the result never meets bad input while SQL is being made.
 */
final class FilterCompiler {

	private final EntityFields fields;

	private final OperatorRegistry operators;

	private final ConversionService conversions;

	private final SearchProperties limits;

	private int conditions;

	FilterCompiler(EntityFields fields, OperatorRegistry operators, ConversionService conversions,
			SearchProperties limits) {
		this.fields = fields;
		this.operators = operators;
		this.conversions = conversions;
		this.limits = limits;
	}

	CheckedFilter compile(Filter filter) {
		// a top-level "and" is the implicit list of the query-string form, so it adds no depth
		if (filter instanceof Filter.And and) {
			return new CheckedFilter.Group(true, children(and.filters(), 0));
		}
		return compile(filter, 1);
	}

	private CheckedFilter compile(Filter filter, int depth) {
		if (depth > this.limits.maxDepth()) {
			throw new SearchLimitExceededException("max-depth", this.limits.maxDepth(), depth);
		}
		if (filter instanceof Filter.Condition condition) {
			return condition(condition);
		}
		if (filter instanceof Filter.And and) {
			return new CheckedFilter.Group(true, children(and.filters(), depth));
		}
		if (filter instanceof Filter.Or or) {
			return new CheckedFilter.Group(false, children(or.filters(), depth));
		}
		return new CheckedFilter.Negation(compile(((Filter.Not) filter).filter(), depth + 1));
	}

	private List<CheckedFilter> children(List<Filter> filters, int depth) {
		if (filters.isEmpty()) {
			throw new MalformedFilterException("filter", -1, "an and/or group needs at least one filter");
		}
		List<CheckedFilter> checked = new ArrayList<>(filters.size());
		for (Filter filter : filters) {
			checked.add(compile(filter, depth + 1));
		}
		return checked;
	}

	private CheckedFilter condition(Filter.Condition condition) {
		if (++this.conditions > this.limits.maxConditions()) {
			throw new SearchLimitExceededException("max-conditions", this.limits.maxConditions(), this.conditions);
		}
		String field = condition.field();
		FieldPath path = this.fields.resolve(field);
		if (!this.fields.filterable().contains(path.name())) {
			throw new FieldNotAllowedException(this.fields.entityName(), field,
					FieldNotAllowedException.FieldUse.FILTER, this.fields.filterable());
		}
		SearchOperator operator = this.operators.find(condition.operator())
			.orElseThrow(() -> new UnknownOperatorException(field, condition.operator(), this.operators.names()));
		boolean wholeCollection = path.last().kind().plural() && !path.crossesCollectionBeforeLast()
				&& operator.appliesTo(Collection.class);
		Class<?> type = wholeCollection ? Collection.class : path.type();
		if (!wholeCollection && (path.last().kind() == FieldPath.Kind.TO_MANY || !operator.appliesTo(type))) {
			String typeName = path.last().kind().plural() ? "collection of " + type.getSimpleName()
					: type.getSimpleName();
			throw new OperatorNotApplicableException(field, operator.name(), typeName);
		}
		List<Object> values = condition.values();
		if (values.size() > this.limits.maxInValues()) {
			throw new SearchLimitExceededException("max-in-values", this.limits.maxInValues(), values.size());
		}
		if (!operator.acceptsValueCount(values.size())) {
			throw new InvalidValueException(field, operator.name(), null, expectedCount(operator));
		}
		List<Object> converted = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			converted.add(convert(field, path, operator, i, values.get(i), operator.valueType(type, i, values.size())));
		}
		return new CheckedFilter.Condition(path, operator, List.copyOf(converted), wholeCollection);
	}

	private Object convert(String field, FieldPath path, SearchOperator operator, int index, @Nullable Object value,
			Class<?> target) {
		if (value == null) {
			throw new InvalidValueException(field, operator.name(), null, "a value (use is_null for null)");
		}
		Object converted;
		try {
			converted = target.isInstance(value) ? value : this.conversions.convert(value, target);
		}
		catch (ConversionException | IllegalArgumentException ex) {
			throw new InvalidValueException(field, operator.name(), value, describe(target));
		}
		if (converted == null) {
			throw new InvalidValueException(field, operator.name(), value, describe(target));
		}
		String problem = DatabaseValues.problem(converted);
		if (problem == null && StandardOperators.isGeometry(converted.getClass())) {
			problem = GeometryValues.problem(converted, path.srid());
		}
		if (problem == null && operator instanceof ValueRule rule) {
			problem = rule.problem(index, converted);
		}
		if (problem != null) {
			// a NUL is not echoed at all: the field and what it takes say enough
			throw new InvalidValueException(field, operator.name(), (converted instanceof String) ? null : value,
					problem);
		}
		return converted;
	}

	private static String describe(Class<?> type) {
		if (type.isEnum()) {
			List<String> names = new ArrayList<>();
			for (Object constant : type.getEnumConstants()) {
				names.add(((Enum<?>) constant).name().toLowerCase(java.util.Locale.ROOT));
			}
			return "one of " + names;
		}
		return "a value of type " + type.getSimpleName();
	}

	private static String expectedCount(SearchOperator operator) {
		if (operator.minValues() == operator.maxValues()) {
			return operator.minValues() + " value(s)";
		}
		return (operator.maxValues() == Integer.MAX_VALUE) ? "at least " + operator.minValues() + " value(s)"
				: operator.minValues() + " to " + operator.maxValues() + " values";
	}

}
