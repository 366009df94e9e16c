package io.dddpersistence.specification;

import io.dddpersistence.error.QuotedInput;

/** A filter or sort names a field the entity does not have. */
public class UnknownFieldException extends InvalidSearchException {

	private final String field;

	public UnknownFieldException(String entity, String field) {
		super("unknown-field", "Unknown field '" + QuotedInput.of(field) + "' on " + entity + ".",
				facts("entity", entity, "field", QuotedInput.of(field)));
		this.field = field;
	}

	public String getField() {
		return this.field;
	}

}
