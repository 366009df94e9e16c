package io.dddpersistence.docs.search;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Window;

import io.dddpersistence.specification.SearchRequest;

/** Reads a search request as an offset page, and as a keyset window with the cursor to the next one. */
class OrderPages {

	private final OrderRepository orders;

	OrderPages(OrderRepository orders) {
		this.orders = orders;
	}

	String nextCursor(SearchRequest<Order> search) {
		// snippet-start
		Page<Order> page = orders.findAll(search.specification(), search.pageable());

		Window<Order> window = orders.findBy(search.specification(),
			q -> q.sortBy(search.sort()).limit(search.size()).scroll(search.scrollPosition()));
		String next = search.cursorAfter(window);    // pass as ?after=... for the next window; null at the end
		// snippet-end
		return next;
	}

}
