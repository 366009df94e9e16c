package io.dddpersistence.outbox.capture;

import java.util.UUID;

import io.dddpersistence.outbox.Externalized;

@Externalized(destination = "orders", key = "orderId")
public record OrderPlaced(UUID orderId, int total) {
}
