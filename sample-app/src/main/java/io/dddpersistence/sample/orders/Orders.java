package io.dddpersistence.sample.orders;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dddpersistence.sample.web.NotFoundException;

/**
 * Places and cancels orders. Storing an order with {@code add} publishes the events it registered
 * (as Spring Data's {@code save} does); the outbox captures the {@code @Externalized} ones inside
 * this transaction, so the order and its messages commit, or roll back, together.
 */
@WhenOutboxEnabled
@Service
class Orders {

	private final OrderRepository orders;

	Orders(OrderRepository orders) {
		this.orders = orders;
	}

	@Transactional
	Order place(String customer, String product, int quantity, BigDecimal unitPrice) {
		return this.orders.add(Order.place(customer, product, quantity, unitPrice));
	}

	@Transactional
	Order cancel(UUID id, String reason) {
		Order order = this.orders.get(id).orElseThrow(() -> new NotFoundException("Order", id));
		order.cancel(reason);
		return this.orders.add(order);
	}

	@Transactional(readOnly = true)
	Order get(UUID id) {
		return this.orders.get(id).orElseThrow(() -> new NotFoundException("Order", id));
	}

}
