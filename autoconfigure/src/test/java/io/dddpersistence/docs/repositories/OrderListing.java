package io.dddpersistence.docs.repositories;

import io.dddpersistence.repository.Listing;
import io.dddpersistence.specification.SearchRequest;

/** Answers a web search for orders with a page of customer names and the cursor of the next page. */
class OrderListing {

	private final OrderRepository orders;

	OrderListing(OrderRepository orders) {
		this.orders = orders;
	}

	Listing<String> customers(SearchRequest<OrderEntity> request) {
		// snippet-start
		Listing<String> listing = orders.search(request).listing(Order::customer);
		// snippet-end
		return listing;
	}

}
