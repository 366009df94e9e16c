package io.dddpersistence.specification;

import io.dddpersistence.error.QuotedInput;

/** A sort cannot be applied, such as a sort on a to-many association, which has no single value per row. */
public class InvalidSortException extends InvalidSearchException {

	public InvalidSortException(String field, String reason) {
		super("invalid-sort", "Cannot sort by '" + QuotedInput.of(field) + "': " + reason + ".",
				facts("field", QuotedInput.of(field), "reason", reason));
	}

}
