package io.dddpersistence.specification;

import java.util.Set;

import io.dddpersistence.error.QuotedInput;

/**
 * A filter or sort names a field that exists but is not in the whitelist for that use. The allowed
 * fields are listed so that a caller can correct the request.
 */
public class FieldNotAllowedException extends InvalidSearchException {

	private final String field;

	public FieldNotAllowedException(String entity, String field, FieldUse use, Set<String> allowed) {
		super("field-not-allowed",
				"Field '" + QuotedInput.of(field) + "' of " + entity + " cannot be used for " + use.word() + "; allowed: " + allowed
						+ ".",
				facts("entity", entity, "field", QuotedInput.of(field), "use", use.word(), "allowed", allowed));
		this.field = field;
	}

	public String getField() {
		return this.field;
	}

	/** What a field is used for in a search; each use has its own whitelist. */
	public enum FieldUse {

		FILTER("filtering"), SORT("sorting");

		private final String word;

		FieldUse(String word) {
			this.word = word;
		}

		String word() {
			return this.word;
		}

	}

}
