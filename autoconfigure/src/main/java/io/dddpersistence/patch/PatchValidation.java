package io.dddpersistence.patch;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

/** Bean Validation of a patched entity, when the application has a validator; none otherwise. */
interface PatchValidation {

	void validate(Object entity);

	static PatchValidation of(@Nullable Object validator) {
		return (validator != null) ? new WithValidator((Validator) validator) : (entity) -> {
		};
	}

	// loaded only with the Bean Validation API on the class path
	final class WithValidator implements PatchValidation {

		private final Validator validator;

		WithValidator(Validator validator) {
			this.validator = validator;
		}

		@Override
		public void validate(Object entity) {
			Set<ConstraintViolation<Object>> violations = this.validator.validate(entity);
			if (!violations.isEmpty()) {
				List<PatchValidationException.Violation> found = violations.stream()
					.map((violation) -> new PatchValidationException.Violation(violation.getPropertyPath().toString(),
							violation.getMessage()))
					.sorted(Comparator.comparing(PatchValidationException.Violation::field))
					.toList();
				throw new PatchValidationException(entity.getClass().getSimpleName(), found);
			}
		}

	}

}
