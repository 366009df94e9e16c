package io.dddpersistence.specification;

import java.util.Set;

/** A condition names an operator that no registered {@link SearchOperator} has. */
public class UnknownOperatorException extends InvalidSearchException {

	public UnknownOperatorException(String field, String operator, Set<String> known) {
		super("unknown-operator", "Unknown operator '" + operator + "' on field '" + field + "'; known: " + known + ".",
				facts("field", field, "operator", operator, "operators", known));
	}

}
