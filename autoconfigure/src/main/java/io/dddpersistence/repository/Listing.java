package io.dddpersistence.repository;

import java.util.List;

import io.dddpersistence.specification.SearchRequest;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list endpoint: the items, and the keyset cursor to pass as {@code after} for the
 * next page ({@code null} on the last one, and for an offset page). Serialised by Jackson as
 * {@code {"items":[...],"after":"..."}}. Made by {@link SearchResult#listing} of a search started
 * from a {@link SearchRequest}:
 *
 * <pre class="code">
 * &#64;GetMapping("/orders")
 * Listing&lt;OrderView&gt; list(SearchRequest&lt;Order&gt; search) {
 *     return orders.search(search).listing(OrderView::of);
 * }
 * </pre>
 *
 * @param items the rows of this page, as the caller's view of them
 * @param after the keyset cursor of the next page, or {@code null} when there is none
 * @param <V> the type of the items
 */
public record Listing<V>(List<V> items, @Nullable String after) {

	public Listing {
		items = List.copyOf(items);
	}

}
