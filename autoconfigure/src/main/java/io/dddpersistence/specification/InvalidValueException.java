package io.dddpersistence.specification;

import io.dddpersistence.error.QuotedInput;

import org.jspecify.annotations.Nullable;

/**
 * A condition's value cannot be converted to the field's type (such as {@code abc} for a number),
 * or the condition has the wrong number of values for its operator.
 */
public class InvalidValueException extends InvalidSearchException {

	public InvalidValueException(String field, String operator, @Nullable Object value, String expected) {
		super("invalid-value", "Invalid value " + ((value != null) ? "'" + QuotedInput.of(value) + "' " : "")
				+ "for field '" + QuotedInput.of(field) + "' with operator '" + QuotedInput.of(operator) + "': expected "
				+ expected + ".",
				facts("field", QuotedInput.of(field), "operator", QuotedInput.of(operator), "value",
						(value != null) ? QuotedInput.of(value) : null, "expected", expected));
	}

}
