package io.dddpersistence.specification;

import io.dddpersistence.error.QuotedInput;

/** An operator cannot be used on a field of this type, such as {@code ilike} on a number. */
public class OperatorNotApplicableException extends InvalidSearchException {

	public OperatorNotApplicableException(String field, String operator, String fieldType) {
		super("operator-not-applicable",
				"Operator '" + QuotedInput.of(operator) + "' cannot be used on field '" + QuotedInput.of(field)
						+ "' of type " + fieldType + ".",
				facts("field", QuotedInput.of(field), "operator", QuotedInput.of(operator), "fieldType", fieldType));
	}

}
