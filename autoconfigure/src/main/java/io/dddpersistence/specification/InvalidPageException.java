package io.dddpersistence.specification;

import io.dddpersistence.error.QuotedInput;

/** A paging parameter is invalid: a negative page, a size below one, or a cursor that cannot be read. */
public class InvalidPageException extends InvalidSearchException {

	public InvalidPageException(String parameter, String value, String reason) {
		super("invalid-page", "Invalid " + parameter + " '" + QuotedInput.of(value) + "': " + reason + ".",
				facts("parameter", parameter, "value", QuotedInput.of(value), "reason", reason));
	}

}
