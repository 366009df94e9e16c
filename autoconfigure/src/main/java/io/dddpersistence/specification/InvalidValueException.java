package io.dddpersistence.specification;

import org.jspecify.annotations.Nullable;

/**
 * A condition's value cannot be converted to the field's type (such as {@code abc} for a number),
 * or the condition has the wrong number of values for its operator.
 */
public class InvalidValueException extends InvalidSearchException {

	public InvalidValueException(String field, String operator, @Nullable Object value, String expected) {
		super("invalid-value", "Invalid value " + ((value != null) ? "'" + value + "' " : "") + "for field '" + field
				+ "' with operator '" + operator + "': expected " + expected + ".",
				facts("field", field, "operator", operator, "value", (value != null) ? String.valueOf(value) : null,
						"expected", expected));
	}

}
