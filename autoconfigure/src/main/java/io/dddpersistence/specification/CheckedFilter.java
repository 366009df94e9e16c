package io.dddpersistence.specification;

import java.io.Serializable;
import java.util.List;

/** A filter after {@link FilterCompiler}: fields resolved, operators found, values converted. */
sealed interface CheckedFilter extends Serializable {

	record Condition(FieldPath path, SearchOperator operator, List<Object> values, boolean wholeCollection)
			implements CheckedFilter {
	}

	record Group(boolean all, List<CheckedFilter> filters) implements CheckedFilter {
	}

	record Negation(CheckedFilter filter) implements CheckedFilter {
	}

}
