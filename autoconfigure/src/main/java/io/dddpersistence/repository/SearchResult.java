package io.dddpersistence.repository;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Window;

/**
 * A search that has not run yet; each method runs it once in the form the caller wants. Reads join
 * the caller's transaction, or run in a read-only one of their own.
 *
 * @param <T> the type of the results
 */
public interface SearchResult<T> {

	/** The matching rows (only the requested page or window when the options ask for one). */
	List<T> list();

	/** The requested offset page (the configured default size when none) with the total count. */
	Page<T> page();

	/** How many rows match, ignoring paging. */
	long count();

	/**
	 * The matching rows read from an open cursor in batches of
	 * {@code ddd.persistence.repository.stream-fetch-size}, for results too large to hold in memory.
	 * Close the stream (try-with-resources): it holds a database connection, and the read-only
	 * transaction it began when the caller had none. Each entity the stream loaded is detached from
	 * the persistence context once handed out, so memory stays bounded; change one through
	 * {@link DomainOperations#add add}. Entities the caller already held stay managed.
	 */
	Stream<T> stream();

	/**
	 * The window of rows after the options' scroll position (keyset scrolling when the position is a
	 * {@code KeysetScrollPosition}); continue with {@code window.positionAt(window.size() - 1)}.
	 */
	Window<T> window();

	/**
	 * The rows as a {@link Listing} of views, for a search started from a web request
	 * ({@link DomainOperations#search(io.dddpersistence.specification.SearchRequest)}): a keyset
	 * window (the first one, or the one after the request's cursor) with the cursor of the next one,
	 * or, when the request named a {@code page} and no cursor, that offset page without a cursor. So
	 * deep pages cost what the first one costs unless the client asks for an offset.
	 * @param view turns each row into what the endpoint returns
	 * @throws IllegalStateException when the search was not started from a {@code SearchRequest}
	 * (only such a request can write its cursor); read {@link #window()} instead
	 */
	<V> Listing<V> listing(Function<? super T, ? extends V> view);

}
