package io.dddpersistence.docs.outbox;

import org.springframework.transaction.annotation.Transactional;

import io.dddpersistence.outbox.OutboundMessage;
import io.dddpersistence.outbox.OutboxWriter;

/** Places orders and writes a message for each in the same transaction, tagged with this service's tenant. */
public class OrderService {

	private final OrderRepository orders;

	private final OutboxWriter outbox;

	private final String tenantId;

	public OrderService(OrderRepository orders, OutboxWriter outbox, String tenantId) {
		this.orders = orders;
		this.outbox = outbox;
		this.tenantId = tenantId;
	}

	// snippet-start
	@Transactional
	public void place(Order order) {
		orders.save(order);
		outbox.write(OutboundMessage.of("orders", new OrderPlaced(order.getId(), order.getTotal()))
			.aggregate("Order", order.getId().toString())
			.header("tenant", tenantId));
	}
	// snippet-end

}
