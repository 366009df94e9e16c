package io.dddpersistence.eventstore;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The event store's own needs in a native image: its Flyway scripts, the index of event classes
 * written at build time, and the values the projections' health details serialize with Jackson.
 */
final class EventStoreRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("db/ddd-persistence/event-store/*/*.sql");
		hints.resources().registerPattern(EventTypeIndex.LOCATION);
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), SubscriptionStatus.class,
				GlobalPosition.class);
	}

}
