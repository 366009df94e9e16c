package io.dddpersistence.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.dddpersistence.specification.SearchRequest;

import org.springframework.data.jpa.domain.Specification;

/**
 * The operations a {@link DomainRepository} or {@link MappedDomainRepository} adds to Spring Data
 * JPA, working on domain objects of type {@code D} stored as entities of type {@code E}. Extend one
 * of those two interfaces rather than this one: the starter implements these methods for every
 * repository that does. Each method joins the caller's transaction, or runs in one of its own
 * (read-only for reads).
 *
 * @param <D> the domain type the caller works with
 * @param <E> the JPA entity type it is stored as (the same class when no mapping is wanted)
 * @param <ID> the identifier type
 */
public interface DomainOperations<D, E, ID> {

	/**
	 * Inserts a new aggregate or updates an existing one. An update is checked against the stored
	 * version first: when the aggregate was read at an older version it fails here with
	 * {@link io.dddpersistence.error.OptimisticConcurrencyException}, before anything is written.
	 * Inserts wait for the flush at commit (so JDBC batching applies); an update of a mapped domain
	 * object is flushed here, so that the object returned carries its new version.
	 * @param aggregate the aggregate to store
	 * @return the stored aggregate, with its identifier and version assigned
	 */
	D add(D aggregate);

	/**
	 * Adds many aggregates in one transaction (the caller's, or one of its own), each as by
	 * {@link #add}: new ones are inserted in JDBC batches at the flush, stored ones are checked
	 * against their version first. A stale aggregate fails the whole call and nothing is written.
	 * @param aggregates the aggregates to store, in order
	 * @return the stored aggregates, in the same order, with identifiers and versions assigned
	 */
	List<D> addAll(java.util.Collection<D> aggregates);

	/** The aggregate with this identifier, if there is one (and it is visible). */
	Optional<D> get(ID id);

	/**
	 * Removes the aggregate with this identifier: archives it when its type is archivable, deletes it
	 * otherwise. Does nothing when there is no such aggregate. (Spring Data's {@code delete(T)} and
	 * {@code deleteById(ID)} still delete.)
	 */
	void remove(ID id);

	/** Every aggregate, unsorted. Prefer {@link #search} with paging or streaming on large tables. */
	List<D> listAll();

	/**
	 * The aggregates with these identifiers, read with one query, in the order of the identifiers
	 * given; identifiers without an aggregate are skipped.
	 */
	List<D> listAll(Collection<ID> ids);

	/**
	 * A search, not yet run: the result is read when the caller takes it as a list, a page, a count,
	 * a stream or a keyset window.
	 * @param specification the filter; {@code Specification.unrestricted()} for all rows
	 * @param options sorting, paging or keyset scrolling
	 */
	SearchResult<D> search(Specification<E> specification, QueryOptions options);

	/**
	 * The search a client asked for, as a controller's {@link SearchRequest} parameter carries it:
	 * its filter, its order, and a keyset window (or an offset page, see
	 * {@link QueryOptions#of(SearchRequest)}); not yet run. Take it as a {@link SearchResult#listing
	 * listing} to answer with the items and the next cursor:
	 * {@code return orders.search(request).listing(OrderView::of);}
	 * @param request the checked request, over this repository's entity type
	 */
	SearchResult<D> search(SearchRequest<E> request);

	/**
	 * Archives the aggregate with this identifier; fails with
	 * {@link org.springframework.dao.InvalidDataAccessApiUsageException} when the type is not archivable.
	 */
	void archive(ID id);

	/** Restores an archived aggregate; fails when the type is not archivable. */
	void restore(ID id);

	/** Deletes the aggregate for good, archived or not. */
	void purge(ID id);

	/** Runs the work with archived rows visible next to active ones. */
	<R> R includingArchived(Supplier<R> work);

	/** Runs the work with only archived rows visible. */
	<R> R onlyArchived(Supplier<R> work);

}
