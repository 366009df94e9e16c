package io.dddpersistence.docs.search;

import io.dddpersistence.specification.Filter;

/** A filter tree built in Java. */
final class OrderFilters {

	private OrderFilters() {
	}

	static Filter pendingNotTest() {
		// snippet-start
		Filter filter = Filter.where("status", "eq", "pending")
			.and(Filter.field("total").gte(10).or(Filter.field("customer.name").ilike("ann*")))
			.and(Filter.not(Filter.field("tags").contains("test")));
		// snippet-end
		return filter;
	}

}
