package io.dddpersistence.entity;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The trait embeddables, which {@code EntityTraits} creates through their no-argument constructor
 * when an entity's trait field is still {@code null}, and whose fields the listeners set.
 */
final class EntityTraitsRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (Class<?> trait : new Class<?>[] { AuditTimes.class, AuditTrail.class, ArchiveState.class,
				DeletedFlag.class }) {
			hints.reflection()
				.registerType(trait, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS,
						MemberCategory.INVOKE_DECLARED_METHODS);
		}
	}

}
