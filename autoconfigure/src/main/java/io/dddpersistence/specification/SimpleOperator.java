package io.dddpersistence.specification;

import java.util.List;
import java.util.function.Predicate;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import org.jspecify.annotations.Nullable;

/** A {@link SearchOperator} made of functions; the standard operators are all of this kind. */
record SimpleOperator(String name, int minValues, int maxValues, Predicate<Class<?>> applies,
		@Nullable Class<?> fixedValueType, SearchOperator.PredicateBuilder predicate) implements SearchOperator {

	@Override
	public boolean appliesTo(Class<?> fieldType) {
		return this.applies.test(fieldType);
	}

	@Override
	public Class<?> valueType(Class<?> fieldType, int index, int count) {
		return (this.fixedValueType != null) ? this.fixedValueType : fieldType;
	}

	@Override
	public jakarta.persistence.criteria.Predicate toPredicate(CriteriaBuilder cb, Expression<?> field,
			List<Object> values) {
		return this.predicate.build(cb, field, values);
	}

}
