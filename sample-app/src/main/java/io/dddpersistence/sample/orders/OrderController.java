package io.dddpersistence.sample.orders;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders, and what the outbox published for them. The backlog and dead messages are on Actuator:
 * {@code GET /actuator/outbox}, {@code GET /actuator/health}.
 */
@WhenOutboxEnabled
@RestController
@RequestMapping("/orders")
class OrderController {

	private final Orders orders;

	private final PublishedEvents published;

	OrderController(Orders orders, PublishedEvents published) {
		this.orders = orders;
		this.published = published;
	}

	@PostMapping
	ResponseEntity<OrderView> place(@RequestBody NewOrder request) {
		Order order = this.orders.place(request.customer(), request.product(), request.quantity(),
				request.unitPrice());
		return ResponseEntity.created(URI.create("/orders/" + order.getId())).body(OrderView.of(order));
	}

	@GetMapping("/{id}")
	OrderView get(@PathVariable UUID id) {
		return OrderView.of(this.orders.get(id));
	}

	@PostMapping("/{id}/cancel")
	OrderView cancel(@PathVariable UUID id, @RequestBody(required = false) @Nullable Cancellation request) {
		String reason = (request != null && request.reason() != null) ? request.reason() : "cancelled by customer";
		return OrderView.of(this.orders.cancel(id, reason));
	}

	/** The latest messages the outbox poller delivered to this application, newest last. */
	@GetMapping("/published-events")
	List<PublishedEvents.Received> publishedEvents() {
		return this.published.latest();
	}

	record NewOrder(String customer, String product, int quantity, BigDecimal unitPrice) {
	}

	record Cancellation(@Nullable String reason) {
	}

	record OrderView(UUID id, String customer, String product, int quantity, BigDecimal total, String status,
			@Nullable Long version) {

		static OrderView of(Order order) {
			return new OrderView(order.getId(), order.getCustomer(), order.getProduct(), order.getQuantity(),
					order.getTotal(), order.getStatus(), order.getVersion());
		}

	}

}
