package io.dddpersistence.repository;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.specification.SearchRequest;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.support.JpaEntityInformation;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.util.ReflectionUtils;

/**
 * The implementation of {@link DomainOperations} for one repository, added to it as a Spring Data
 * repository fragment. Spring Data's own {@link SimpleJpaRepository} does the paging, counting and
 * keyset scrolling; this class adds the version check, the mapping and the archive rules.
 */
final class JpaDomainOperations<D, E, ID> implements DomainOperations<D, E, ID> {

	private final SearchContext<D, E, ID> context;

	private final JpaEntityInformation<E, ID> entity;

	private final EntityPersister persister;

	private final ArchiveSupport archiving;

	private final boolean nullVersionMeansNew;

	private final DomainEventPublication events;

	JpaDomainOperations(SearchContext<D, E, ID> context, EntityPersister persister, ArchiveSupport archiving,
			DomainEventPublication events) {
		this.context = context;
		this.events = events;
		this.entity = context.entityInformation();
		this.persister = persister;
		this.archiving = archiving;
		this.nullVersionMeansNew = persister.isVersioned() && hasWrapperVersionField(persister);
	}

	private static boolean hasWrapperVersionField(EntityPersister persister) {
		String name = persister.getPropertyNames()[persister.getVersionPropertyIndex()];
		Field field = ReflectionUtils.findField(persister.getMappedClass(), name);
		return field != null && !field.getType().isPrimitive();
	}

	/** Spring Data's own check builds a bean wrapper per call; reading the version through Hibernate is cheaper. */
	private boolean isNew(E candidate) {
		return this.nullVersionMeansNew ? this.persister.getVersion(candidate) == null : this.entity.isNew(candidate);
	}

	@Override
	public D add(D aggregate) {
		Objects.requireNonNull(aggregate, "aggregate must not be null");
		return this.context.write(() -> {
			D stored = store(aggregate);
			this.events.publishFrom(aggregate);
			return stored;
		});
	}

	@Override
	public List<D> addAll(Collection<D> aggregates) {
		Objects.requireNonNull(aggregates, "aggregates must not be null");
		return this.context.write(() -> {
			List<D> results = new ArrayList<>(aggregates.size());
			for (D aggregate : aggregates) {
				Objects.requireNonNull(aggregate, "aggregates must not contain null");
				results.add(store(aggregate));
				this.events.publishFrom(aggregate);
			}
			return results;
		});
	}

	@SuppressWarnings("unchecked")
	private D store(D aggregate) {
		EntityManager entityManager = this.context.entityManager();
		DomainMapper<D, E> mapper = this.context.mapper();
		boolean identity = mapper instanceof IdentityMapper;
		E candidate = mapper.toEntity(aggregate);
		if (isNew(candidate)) {
			entityManager.persist(candidate);
			return identity ? aggregate : mapper.toDomain(candidate);
		}
		if (identity && entityManager.contains(candidate)) {
			requireLoadedVersion(entityManager, candidate);
			return aggregate;
		}
		ID id = this.entity.getRequiredId(candidate);
		E current = entityManager.find(this.entity.getJavaType(), id);
		if (current == null) {
			// Not visible: deleted meanwhile (Hibernate refuses to merge a versioned entity without a row),
			// another tenant's (the tenant trait refuses it), or, without a version, new with an assigned id.
			try {
				E merged = entityManager.merge(candidate);
				return identity ? (D) merged : mapper.toDomain(merged);
			}
			catch (OptimisticLockException ex) {
				throw stale(id, version(candidate), null);
			}
		}
		if (this.persister.isVersioned() && !Objects.equals(version(candidate), version(current))) {
			throw stale(id, version(candidate), version(current));
		}
		E updated = mapper.updateEntity(aggregate, current);
		E stored = (updated == current) ? current : entityManager.merge(updated);
		if (identity) {
			return (D) stored;
		}
		// The caller keeps only the domain object, so it must carry the version the update produces.
		try {
			entityManager.flush();
		}
		catch (OptimisticLockException ex) {
			throw stale(id, version(candidate), null);
		}
		return mapper.toDomain(stored);
	}

	@Override
	public Optional<D> get(ID id) {
		return this.context.read(() -> Optional.ofNullable(this.context.entityManager().find(this.entity.getJavaType(), id))
			.map(this.context.mapper()::toDomain));
	}

	@Override
	public void remove(ID id) {
		this.context.write(() -> {
			E found = this.context.entityManager().find(this.entity.getJavaType(), id);
			if (found != null && this.archiving.isArchivable(this.entity.getJavaType())) {
				this.archiving.archive(found);
			}
			else if (found != null) {
				this.context.entityManager().remove(found);
			}
			return null;
		});
	}

	@Override
	public List<D> listAll() {
		return this.context.read(() -> this.context.toDomain(this.context.delegate().findAll()));
	}

	@Override
	public List<D> listAll(Collection<ID> ids) {
		return ids.isEmpty() ? List.of() : this.context.read(() -> readAll(ids));
	}

	private List<D> readAll(Collection<ID> ids) {
		EntityManager entityManager = this.context.entityManager();
		CriteriaBuilder builder = entityManager.getCriteriaBuilder();
		CriteriaQuery<E> query = builder.createQuery(this.entity.getJavaType());
		Root<E> root = query.from(this.entity.getJavaType());
		query.where(root.get(this.entity.getRequiredIdAttribute()).in(ids));
		Map<Object, E> byId = new HashMap<>();
		for (E found : entityManager.createQuery(query).getResultList()) {
			byId.put(this.entity.getId(found), found);
		}
		List<D> result = new ArrayList<>(byId.size());
		for (ID id : ids) {
			E found = byId.get(id);
			if (found != null) {
				result.add(this.context.mapper().toDomain(found));
			}
		}
		return result;
	}

	@Override
	public SearchResult<D> search(Specification<E> specification, QueryOptions options) {
		Objects.requireNonNull(specification, "specification must not be null; use Specification.unrestricted()");
		Objects.requireNonNull(options, "options must not be null; use QueryOptions.unpaged()");
		this.context.settings().pageSizes().check(options.size());
		return new JpaSearchResult<>(this.context, specification, options, null);
	}

	@Override
	public SearchResult<D> search(SearchRequest<E> request) {
		Objects.requireNonNull(request, "request must not be null");
		if (!this.entity.getJavaType().isAssignableFrom(request.entityType())) {
			throw new IllegalArgumentException("A search of " + request.entityType().getName()
					+ " cannot run on the repository of " + this.entity.getJavaType().getName());
		}
		QueryOptions options = QueryOptions.of(request);
		this.context.settings().pageSizes().check(options.size());
		return new JpaSearchResult<>(this.context, request.specification(), options, request);
	}

	@Override
	public void archive(ID id) {
		requireArchivable();
		this.context.write(() -> {
			E found = this.context.entityManager().find(this.entity.getJavaType(), id);
			if (found != null) {
				this.archiving.archive(found);
			}
			return null;
		});
	}

	@Override
	public void restore(ID id) {
		requireArchivable();
		this.context.write(() -> {
			E found = this.archiving
				.includingArchived(() -> this.context.entityManager().find(this.entity.getJavaType(), id));
			if (found != null) {
				this.archiving.restore(found);
			}
			return null;
		});
	}

	@Override
	public void purge(ID id) {
		this.context.write(() -> {
			EntityManager entityManager = this.context.entityManager();
			E found = this.archiving.includingArchived(() -> entityManager.find(this.entity.getJavaType(), id));
			if (found != null) {
				this.archiving.purge(entityManager, found);
			}
			return null;
		});
	}

	@Override
	public <R> R includingArchived(Supplier<R> work) {
		return this.archiving.includingArchived(work);
	}

	@Override
	public <R> R onlyArchived(Supplier<R> work) {
		return this.archiving.onlyArchived(work);
	}

	private void requireArchivable() {
		if (!this.archiving.isArchivable(this.entity.getJavaType())) {
			throw ArchiveSupport.notArchivable(this.entity.getJavaType());
		}
	}

	/**
	 * A managed entity's version field may have been set to the version the caller's change is based
	 * on (an {@code If-Match} header); Hibernate would ignore it and check the version it loaded, so
	 * compare the two here.
	 */
	private void requireLoadedVersion(EntityManager entityManager, E candidate) {
		if (!this.persister.isVersioned()) {
			return;
		}
		EntityEntry entry = entityManager.unwrap(SessionImplementor.class)
			.getPersistenceContextInternal()
			.getEntry(candidate);
		Object loaded = (entry != null) ? entry.getVersion() : null;
		if (loaded != null && !Objects.equals(asLong(version(candidate)), asLong(loaded))) {
			throw stale(this.entity.getRequiredId(candidate), version(candidate), loaded);
		}
	}

	private @Nullable Object version(E entity) {
		return this.persister.getVersion(entity);
	}

	private OptimisticConcurrencyException stale(ID id, @Nullable Object expected, @Nullable Object actual) {
		return new OptimisticConcurrencyException(this.entity.getJavaType().getSimpleName(), id, asLong(expected),
				asLong(actual), null);
	}

	private static @Nullable Long asLong(@Nullable Object version) {
		return (version instanceof Number number) ? number.longValue() : null;
	}

}
