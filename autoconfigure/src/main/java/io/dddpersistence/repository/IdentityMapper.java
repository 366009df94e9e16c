package io.dddpersistence.repository;

/** Used when the domain type is the entity: nothing is copied. */
final class IdentityMapper<T> implements DomainMapper<T, T> {

	static final IdentityMapper<Object> INSTANCE = new IdentityMapper<>();

	@Override
	public T toEntity(T domain) {
		return domain;
	}

	@Override
	public T toDomain(T entity) {
		return entity;
	}

	@Override
	public T updateEntity(T domain, T entity) {
		return domain;
	}

}
