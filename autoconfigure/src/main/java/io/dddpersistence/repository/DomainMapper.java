package io.dddpersistence.repository;

/**
 * Maps a domain type to the entity it is stored as, and back. Declare a bean of this type (a
 * MapStruct mapper implementing it works) to replace the default mapping by property name for one
 * {@link MappedDomainRepository}; the bean is chosen by its two type arguments.
 *
 * @param <D> the domain type
 * @param <E> the entity type
 */
public interface DomainMapper<D, E> {

	/** A new entity holding the domain object's state, identifier and version included. */
	E toEntity(D domain);

	/** The domain object for a stored entity. */
	D toDomain(E entity);

	/**
	 * Copies a domain object's state onto the entity the repository loaded for an update, and
	 * returns the entity to store. The default returns {@link #toEntity} instead, which the
	 * repository merges over the loaded one, so entity fields the domain type lacks are overwritten;
	 * override it (a MapStruct {@code @MappingTarget} method) to keep them.
	 */
	default E updateEntity(D domain, E entity) {
		return toEntity(domain);
	}

}
