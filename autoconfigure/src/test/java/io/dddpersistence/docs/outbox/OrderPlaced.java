package io.dddpersistence.docs.outbox;

import java.math.BigDecimal;
import java.util.UUID;

import io.dddpersistence.outbox.Externalized;

// snippet-start
@Externalized(destination = "orders", key = "orderId")
public record OrderPlaced(UUID orderId, BigDecimal total) {}
// snippet-end
