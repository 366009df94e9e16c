package io.dddpersistence.docs.search;

import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dddpersistence.specification.SearchRequest;
import io.dddpersistence.specification.web.SearchFields;

@RestController
class OrderController {

	private final OrderRepository orders;

	OrderController(OrderRepository orders) {
		this.orders = orders;
	}

	// snippet-start
	@GetMapping("/orders")
	Page<OrderView> orders(@SearchFields(filter = {"status", "total"}, sort = "created_at") SearchRequest<Order> search) {
		return orders.findAll(search.specification(), search.pageable()).map(OrderView::of);
	}
	// snippet-end

}
