package io.dddpersistence.patch;

import java.util.List;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The patched entity breaks its Bean Validation constraints; nothing was written (HTTP 422,
 * {@code validation-failed}).
 */
public class PatchValidationException extends InvalidDataAccessApiUsageException {

	private final String entity;

	private final List<Violation> violations;

	PatchValidationException(String entity, List<Violation> violations) {
		super("The patched " + entity + " is not valid: " + violations);
		this.entity = entity;
		this.violations = List.copyOf(violations);
	}

	public String getEntity() {
		return this.entity;
	}

	public List<Violation> getViolations() {
		return this.violations;
	}

	/**
	 * One broken constraint.
	 *
	 * @param field the property path, such as {@code address.city}
	 * @param message the constraint's message
	 */
	public record Violation(String field, String message) {

		@Override
		public String toString() {
			return this.field + " " + this.message;
		}

	}

}
