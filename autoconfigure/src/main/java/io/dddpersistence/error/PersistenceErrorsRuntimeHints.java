package io.dddpersistence.error;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

/**
 * The PostgreSQL driver's error types, which {@code ConstraintMessages} reads by reflection (the
 * driver is optional) to name the table of a violated constraint.
 */
final class PersistenceErrorsRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection()
			.registerType(TypeReference.of("org.postgresql.util.PSQLException"), MemberCategory.INVOKE_PUBLIC_METHODS)
			.registerType(TypeReference.of("org.postgresql.util.ServerErrorMessage"),
					MemberCategory.INVOKE_PUBLIC_METHODS);
	}

}
