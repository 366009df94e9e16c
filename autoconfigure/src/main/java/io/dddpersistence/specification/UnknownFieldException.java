package io.dddpersistence.specification;

/** A filter or sort names a field the entity does not have. */
public class UnknownFieldException extends InvalidSearchException {

	private final String field;

	public UnknownFieldException(String entity, String field) {
		super("unknown-field", "Unknown field '" + field + "' on " + entity + ".",
				facts("entity", entity, "field", field));
		this.field = field;
	}

	public String getField() {
		return this.field;
	}

}
