package io.dddpersistence.sample.orders;

import java.math.BigDecimal;
import java.util.UUID;

import io.dddpersistence.outbox.Externalized;

/** An order was placed; published to the {@code orders} destination, keyed by the order. */
@Externalized(destination = "orders", key = "orderId", eventType = "order.placed")
public record OrderPlaced(UUID orderId, String customer, String product, int quantity, BigDecimal total) {

}
