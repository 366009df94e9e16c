package io.dddpersistence.repository;

import java.util.Set;

/** The default {@link DomainMapper}: by property name, leaving identifier and version to JPA on updates. */
final class PropertyDomainMapper<D, E> implements DomainMapper<D, E> {

	private final PropertyMapping.Copier toEntity;

	private final PropertyMapping.Copier toDomain;

	private final Set<String> managedByJpa;

	PropertyDomainMapper(PropertyMapping mapping, Class<D> domainType, Class<E> entityType, Set<String> managedByJpa) {
		this.toEntity = mapping.copier(domainType, entityType);
		this.toDomain = mapping.copier(entityType, domainType);
		this.managedByJpa = managedByJpa;
	}

	@Override
	@SuppressWarnings("unchecked")
	public E toEntity(D domain) {
		return (E) this.toEntity.create(domain);
	}

	@Override
	@SuppressWarnings("unchecked")
	public D toDomain(E entity) {
		return (D) this.toDomain.create(entity);
	}

	@Override
	public E updateEntity(D domain, E entity) {
		this.toEntity.copyOnto(domain, entity, this.managedByJpa);
		return entity;
	}

}
