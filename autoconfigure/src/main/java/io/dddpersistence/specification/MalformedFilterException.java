package io.dddpersistence.specification;

/**
 * A filter text (query-string or JSON form) does not follow the grammar. Names the position (0-based
 * character offset, or -1 when unknown) and what was expected there.
 */
public class MalformedFilterException extends InvalidSearchException {

	public MalformedFilterException(String form, int position, String reason) {
		super("malformed-filter", "Malformed " + form + " filter"
				+ ((position >= 0) ? " at position " + position : "") + ": " + reason + ".",
				facts("form", form, "position", position, "reason", reason));
	}

}
