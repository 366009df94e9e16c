package io.dddpersistence.owner;

import java.util.Optional;

/**
 * The owner of the current work, whose rows it sees and in whose name it creates rows. A bean of
 * the application's replaces the default (its {@code AuditorAware}, else the authenticated Spring
 * Security principal's name).
 */
@FunctionalInterface
public interface OwnerResolver {

	/** The current owner, or empty when the work has none (anonymous): owner-scoped rows are then refused. */
	Optional<String> currentOwner();

}
