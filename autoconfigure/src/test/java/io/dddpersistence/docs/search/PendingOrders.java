package io.dddpersistence.docs.search;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;

import io.dddpersistence.specification.SearchLanguage;

/** Reads pending orders of at least 10 through the search language, newest first. */
@Service
class PendingOrders {

	// snippet-start
	@Autowired SearchLanguage search;
	// snippet-end

	@Autowired
	OrderRepository repository;

	List<Order> find() {
		// snippet-start
		Specification<Order> spec = search.specification(Order.class, "status:eq:pending,total:gte:10");
		List<Order> orders = repository.findAll(spec, search.sort(Order.class, "-created_at,name"));
		// snippet-end
		return orders;
	}

}
