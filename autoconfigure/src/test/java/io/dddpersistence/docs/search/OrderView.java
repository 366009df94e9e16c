package io.dddpersistence.docs.search;

import java.math.BigDecimal;
import java.util.UUID;

/** What the orders endpoint answers for an order. */
record OrderView(UUID id, String status, BigDecimal total) {

	static OrderView of(Order order) {
		return new OrderView(order.getId(), order.getStatus(), order.getTotal());
	}

}
