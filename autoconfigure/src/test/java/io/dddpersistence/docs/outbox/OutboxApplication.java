package io.dddpersistence.docs.outbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.dddpersistence.outbox.OutboxWriter;

/** The outbox page's samples, as an application that a test starts and exercises. */
@SpringBootApplication
public class OutboxApplication {

	@Bean
	OrderService orderService(OrderRepository orders, OutboxWriter outbox) {
		return new OrderService(orders, outbox, "acme");
	}

}
