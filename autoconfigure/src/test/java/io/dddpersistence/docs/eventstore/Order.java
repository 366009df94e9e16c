package io.dddpersistence.docs.eventstore;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.dddpersistence.eventstore.EventSourcedAggregate;
import io.dddpersistence.eventstore.EventSourcedRepositories;
import io.dddpersistence.eventstore.EventSourcedRepository;

// snippet-start
class Order extends EventSourcedAggregate {
	private String customer;
	private final List<String> lines = new ArrayList<>();

	Order(String id) {
		super(id);
		on(OrderPlaced.class, (e) -> this.customer = e.customer());
		on(LineAdded.class, (e) -> this.lines.add(e.sku()));
	}
	void addLine(String sku) { /* check rules */ raise(new LineAdded(sku, 1)); }
}
// snippet-end

@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

	// snippet-start
	@Bean
	EventSourcedRepository<Order> orders(EventSourcedRepositories repositories) {
		return repositories.create("order", Order::new);
	}
	// snippet-end

}
