package io.dddpersistence.owner;

import java.util.Optional;
import java.util.function.Supplier;

import io.dddpersistence.error.MissingOwnerException;

/**
 * The application's owner resolver and policy, as the owner filters and checks of one entity
 * manager factory see them: handed to Hibernate in its settings ({@link #SETTING}), so that each
 * context's factory uses its own beans. Beans are looked up on first use.
 */
final class OwnerContext {

	/** The Hibernate setting that carries it. */
	static final String SETTING = "io.dddpersistence.owner.context";

	private final Supplier<OwnerResolver> resolver;

	private final Supplier<OwnerPolicy> policy;

	OwnerContext(Supplier<OwnerResolver> resolver, Supplier<OwnerPolicy> policy) {
		this.resolver = resolver;
		this.policy = policy;
	}

	/** Whether the current work sees every owner's rows. */
	boolean unrestricted() {
		return OwnerScope.isUnrestricted() || this.policy.get().seesEveryRow();
	}

	Optional<String> currentOwner() {
		return this.resolver.get().currentOwner();
	}

	/** The current owner, or {@link MissingOwnerException} before anything is read or written. */
	String requireOwner() {
		return currentOwner().orElseThrow(MissingOwnerException::new);
	}

}
