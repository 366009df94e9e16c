package io.dddpersistence.migration;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The library's Flyway scripts ({@code db/ddd-persistence/<capability>/<vendor>/V*.sql}) as
 * resources of a native image, which has no class path to scan for them otherwise.
 */
final class LibrarySchemaRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("db/ddd-persistence/*/*/*.sql");
	}

}
