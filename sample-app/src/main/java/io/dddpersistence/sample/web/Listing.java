package io.dddpersistence.sample.web;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;

import io.dddpersistence.repository.DomainOperations;
import io.dddpersistence.repository.QueryOptions;
import io.dddpersistence.specification.SearchRequest;

/**
 * One page of a list endpoint: the items, and the cursor to pass as {@code after} for the next
 * page ({@code null} on the last one).
 *
 * @param items the rows of this page
 * @param after the keyset cursor of the next page
 */
public record Listing<V>(List<V> items, @Nullable String after) {

	/**
	 * Runs a web search. Without {@code page}, the rows are read as a keyset window (the first one,
	 * or the one after the request's cursor), so deep pages cost what the first one costs; an
	 * explicit {@code page} number reads an offset page instead, which has no cursor.
	 */
	public static <T, V> Listing<V> of(DomainOperations<T, T, ?> repository, SearchRequest<T> request,
			Function<T, V> view) {
		if (request.page() > 0 && !request.hasCursor()) {
			List<T> rows = repository.search(request.specification(), QueryOptions.of(request.pageable())).list();
			return new Listing<>(rows.stream().map(view).toList(), null);
		}
		Window<T> window = repository
			.search(request.specification(), QueryOptions.of(request.pageable(), request.scrollPosition()))
			.window();
		return new Listing<>(window.getContent().stream().map(view).toList(), request.cursorAfter(window));
	}

}
