package io.dddpersistence.outbox;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The outbox's own needs in a native image: its Flyway scripts and the records its Actuator
 * endpoint and health details serialize with Jackson.
 */
final class OutboxRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("db/ddd-persistence/outbox/*/*.sql");
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), OutboxEndpoint.Report.class,
				OutboxEndpoint.Resubmitted.class, OutboxBacklog.class, OutboxMessage.class);
	}

}
