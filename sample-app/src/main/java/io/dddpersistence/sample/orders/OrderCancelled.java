package io.dddpersistence.sample.orders;

import java.util.UUID;

import io.dddpersistence.outbox.Externalized;

/** An order was cancelled; same destination and key as {@link OrderPlaced}. */
@Externalized(destination = "orders", key = "orderId", eventType = "order.cancelled")
public record OrderCancelled(UUID orderId, String reason) {

}
