package io.dddpersistence.repository;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.dddpersistence.specification.SearchRequest;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A search of one repository, run when the caller picks the form of its result. */
final class JpaSearchResult<D, E, ID> implements SearchResult<D> {

	private final SearchContext<D, E, ID> context;

	private final Specification<E> specification;

	private final QueryOptions options;

	private final @Nullable SearchRequest<?> request;

	JpaSearchResult(SearchContext<D, E, ID> context, Specification<E> specification, QueryOptions options,
			@Nullable SearchRequest<?> request) {
		this.context = context;
		this.specification = specification;
		this.options = options;
		this.request = request;
	}

	@Override
	public List<D> list() {
		if (this.options.position() != null) {
			return window().getContent();
		}
		return this.context.read(() -> this.context.toDomain(query().getResultList()));
	}

	@Override
	public Page<D> page() {
		int size = this.options.isPaged() ? this.options.size() : this.context.settings().defaultPageSize();
		PageRequest request = PageRequest.of(this.options.page(), size, this.options.sort());
		return this.context.read(
				() -> this.context.delegate().findAll(this.specification, request).map(this.context.mapper()::toDomain));
	}

	@Override
	public long count() {
		return this.context.read(() -> this.context.delegate().count(this.specification));
	}

	@Override
	public Window<D> window() {
		int size = this.options.isPaged() ? this.options.size() : this.context.settings().defaultPageSize();
		ScrollPosition position = (this.options.position() != null) ? this.options.position() : ScrollPosition.keyset();
		return this.context.read(() -> this.context.delegate()
			.findBy(this.specification, (query) -> query.sortBy(this.options.sort()).limit(size).scroll(position))
			.map(this.context.mapper()::toDomain));
	}

	@Override
	public <V> Listing<V> listing(Function<? super D, ? extends V> view) {
		SearchRequest<?> origin = this.request;
		if (origin == null) {
			throw new IllegalStateException("listing() needs a search started from a SearchRequest,"
					+ " repository.search(request); read window() or page() of this one");
		}
		if (this.options.position() == null) {
			return new Listing<>(list().stream().<V>map(view::apply).toList(), null);
		}
		Window<D> window = window();
		return new Listing<>(window.getContent().stream().<V>map(view::apply).toList(), origin.cursorAfter(window));
	}

	@Override
	public Stream<D> stream() {
		TransactionStatus own = TransactionSynchronizationManager.isActualTransactionActive() ? null
				: this.context.transactionManager().getTransaction(SearchContext.readOnlyDefinition());
		try {
			EntityManager entityManager = this.context.entityManager();
			TypedQuery<E> query = query();
			query.setHint(HibernateHints.HINT_FETCH_SIZE, this.context.settings().streamFetchSize());
			query.setHint(HibernateHints.HINT_READ_ONLY, true);
			DomainMapper<D, E> mapper = this.context.mapper();
			Session session = entityManager.unwrap(Session.class);
			// Detaching each row once handed out keeps the persistence context, and so the heap, small. Rows
			// this query loaded are read-only; an entity the caller already held (modifiable) stays managed.
			return query.getResultStream().map((entity) -> {
				D mapped = mapper.toDomain(entity);
				if (session.isReadOnly(entity)) {
					session.detach(entity);
				}
				return mapped;
			}).onClose(() -> finish(own));
		}
		catch (RuntimeException ex) {
			if (own != null) {
				this.context.transactionManager().rollback(own);
			}
			throw ex;
		}
	}

	private void finish(@Nullable TransactionStatus own) {
		if (own != null && !own.isCompleted()) {
			this.context.transactionManager().commit(own);
		}
	}

	private TypedQuery<E> query() {
		EntityManager entityManager = this.context.entityManager();
		Class<E> type = this.context.entityInformation().getJavaType();
		CriteriaBuilder builder = entityManager.getCriteriaBuilder();
		CriteriaQuery<E> criteria = builder.createQuery(type);
		Root<E> root = criteria.from(type);
		Predicate predicate = this.specification.toPredicate(root, criteria, builder);
		if (predicate != null) {
			criteria.where(predicate);
		}
		if (this.options.sort().isSorted()) {
			criteria.orderBy(QueryUtils.toOrders(this.options.sort(), root, builder));
		}
		TypedQuery<E> query = entityManager.createQuery(criteria);
		if (this.options.isPaged()) {
			query.setFirstResult(this.options.page() * this.options.size());
			query.setMaxResults(this.options.size());
		}
		return query;
	}

}
