package io.dddpersistence.entity;

/**
 * Names of the Hibernate filters the library adds to archivable entities and to collections of
 * them. {@link #ACTIVE} is enabled in every session and applied to loads by key, so archived rows
 * are invisible everywhere; {@link Archiving} switches it off or swaps in {@link #ARCHIVED}. Users
 * switch them through {@link Archiving}, so the names stay inside the package.
 */
final class TraitFilters {

	/** Shows only active rows; enabled in every session. */
	static final String ACTIVE = "ddd_active";

	/** Shows only archived rows; enabled by {@link Archiving#onlyArchived}. */
	static final String ARCHIVED = "ddd_archived";

	private TraitFilters() {
	}

}
