package io.dddpersistence.sample.orders;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dddpersistence.sample.web.NotFoundException;

/**
 * Places and cancels orders. Spring Data publishes an aggregate's registered events when
 * {@code save} runs; the outbox captures the {@code @Externalized} ones inside this transaction, so
 * the order and its messages commit, or roll back, together. Orders are stored with {@code save}:
 * Spring Data publishes registered events from its save methods only, and
 * {@code DomainRepository.add} does not publish them (the events would never reach the outbox).
 */
@Service
class Orders {

	private final OrderRepository orders;

	Orders(OrderRepository orders) {
		this.orders = orders;
	}

	@Transactional
	Order place(String customer, String product, int quantity, BigDecimal unitPrice) {
		return this.orders.save(Order.place(customer, product, quantity, unitPrice));
	}

	@Transactional
	Order cancel(UUID id, String reason) {
		Order order = this.orders.findById(id).orElseThrow(() -> new NotFoundException("Order", id));
		order.cancel(reason);
		return this.orders.save(order);
	}

	@Transactional(readOnly = true)
	Order get(UUID id) {
		return this.orders.get(id).orElseThrow(() -> new NotFoundException("Order", id));
	}

}
