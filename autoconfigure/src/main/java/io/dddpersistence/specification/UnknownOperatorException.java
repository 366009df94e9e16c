package io.dddpersistence.specification;

import java.util.Set;

import io.dddpersistence.error.QuotedInput;

/** A condition names an operator that no registered {@link SearchOperator} has. */
public class UnknownOperatorException extends InvalidSearchException {

	public UnknownOperatorException(String field, String operator, Set<String> known) {
		super("unknown-operator", "Unknown operator '" + QuotedInput.of(operator) + "' on field '" + QuotedInput.of(field)
				+ "'; known: " + known + ".",
				facts("field", QuotedInput.of(field), "operator", QuotedInput.of(operator), "operators", known));
	}

}
