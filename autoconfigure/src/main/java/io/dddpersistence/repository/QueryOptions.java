package io.dddpersistence.repository;

import java.util.Objects;

import io.dddpersistence.specification.SearchRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;

/**
 * How a {@link DomainOperations#search search} reads its rows: the order, and either an offset
 * page ({@code page}, {@code size}) or a keyset scroll ({@code position}, {@code size}). A size of
 * zero means "not paged". The repository refuses sizes above
 * {@code ddd.persistence.repository.max-page-size} (100 unless configured) with
 * {@link io.dddpersistence.specification.PageSizeExceededException}; read more rows with
 * {@link SearchResult#stream()} or unpaged options.
 *
 * <pre class="code">
 * QueryOptions.unpaged().withSort(Sort.by("name")).withPage(2, 50);
 * QueryOptions.unpaged().withSort(Sort.by("createdAt")).withScroll(ScrollPosition.keyset(), 100);
 * </pre>
 *
 * @param sort the order of the rows
 * @param page the zero-based page number of an offset page
 * @param size the page or window size, 0 when not paged
 * @param position where a keyset (or offset) scroll continues, {@code null} for offset paging
 */
public record QueryOptions(Sort sort, int page, int size, @Nullable ScrollPosition position) {

	private static final QueryOptions UNPAGED = new QueryOptions(Sort.unsorted(), 0, 0, null);

	public QueryOptions {
		Objects.requireNonNull(sort, "sort must not be null; use Sort.unsorted()");
		if (page < 0) {
			throw new IllegalArgumentException("The page number must not be negative, but was " + page);
		}
		if (size < 0) {
			throw new IllegalArgumentException("The page size must not be negative, but was " + size);
		}
		if ((long) page * size > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("Page " + page + " of size " + size
					+ " starts beyond the last row an offset can reach; use keyset scrolling");
		}
		if (position != null && page != 0) {
			throw new IllegalArgumentException("A scroll continues from its position; it takes no page number");
		}
	}

	/** All rows, in no particular order. */
	public static QueryOptions unpaged() {
		return UNPAGED;
	}

	/** The order and offset page of a Spring Data {@link Pageable} (unpaged stays unpaged). */
	public static QueryOptions of(Pageable pageable) {
		if (pageable.isUnpaged()) {
			return new QueryOptions(pageable.getSort(), 0, 0, null);
		}
		return new QueryOptions(pageable.getSort(), pageable.getPageNumber(), pageable.getPageSize(), null);
	}

	/**
	 * The order and size of a {@link Pageable}, as a keyset window after the position when one is
	 * given, else as the pageable's offset page. Fits a web search request directly:
	 * {@code QueryOptions.of(request.pageable(), request.hasCursor() ? request.scrollPosition() : null)}.
	 */
	public static QueryOptions of(Pageable pageable, @Nullable ScrollPosition position) {
		if (position == null) {
			return of(pageable);
		}
		return new QueryOptions(pageable.getSort(), 0, pageable.isPaged() ? pageable.getPageSize() : 0, position);
	}

	/**
	 * The options of a web search request: an offset page when the request names a {@code page}
	 * above 0 and no cursor, else a keyset window of the request's size after its cursor, or from the
	 * start. The rule {@link DomainOperations#search(SearchRequest)} and {@link Listing} follow.
	 */
	public static QueryOptions of(SearchRequest<?> request) {
		if (request.page() > 0 && !request.hasCursor()) {
			return of(request.pageable());
		}
		return of(request.pageable(), request.scrollPosition());
	}

	public QueryOptions withSort(Sort sort) {
		return new QueryOptions(sort, this.page, this.size, this.position);
	}

	/** An offset page: rows {@code page * size} to {@code page * size + size - 1}. */
	public QueryOptions withPage(int page, int size) {
		return new QueryOptions(this.sort, page, size, null);
	}

	/** A window of {@code size} rows after the position ({@code ScrollPosition.keyset()} to start). */
	public QueryOptions withScroll(ScrollPosition position, int size) {
		Objects.requireNonNull(position, "position must not be null; use ScrollPosition.keyset() to start");
		return new QueryOptions(this.sort, 0, size, position);
	}

	public boolean isPaged() {
		return this.size > 0;
	}

}
