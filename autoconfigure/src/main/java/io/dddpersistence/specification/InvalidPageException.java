package io.dddpersistence.specification;

/** A paging parameter is invalid: a negative page, a size below one, or a cursor that cannot be read. */
public class InvalidPageException extends InvalidSearchException {

	public InvalidPageException(String parameter, String value, String reason) {
		super("invalid-page", "Invalid " + parameter + " '" + value + "': " + reason + ".",
				facts("parameter", parameter, "value", value, "reason", reason));
	}

}
