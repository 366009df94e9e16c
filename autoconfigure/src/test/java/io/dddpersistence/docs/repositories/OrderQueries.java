package io.dddpersistence.docs.repositories;

import org.springframework.data.domain.Page;

import io.dddpersistence.repository.QueryOptions;
import io.dddpersistence.specification.SearchRequest;

/** Answers a web search for orders with an offset page, or a keyset window when it carries a cursor. */
class OrderQueries {

	private final OrderRepository orders;

	OrderQueries(OrderRepository orders) {
		this.orders = orders;
	}

	Page<Order> search(SearchRequest<OrderEntity> request) {
		// snippet-start
		QueryOptions options = request.hasCursor()
				? QueryOptions.unpaged().withSort(request.sort()).withScroll(request.scrollPosition(), request.size())
				: QueryOptions.of(request.pageable());
		Page<Order> page = orders.search(request.specification(), options).page();
		// snippet-end
		return page;
	}

}
