package io.dddpersistence.sample.carts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.dddpersistence.eventstore.EventSourcedRepositories;
import io.dddpersistence.eventstore.EventSourcedRepository;

@WhenEventStoreEnabled
@Configuration(proxyBeanMethods = false)
class CartConfiguration {

	/** Carts are stored as the events of the aggregate type "cart". */
	@Bean
	EventSourcedRepository<Cart> carts(EventSourcedRepositories repositories) {
		return repositories.create("cart", Cart::new);
	}

}
