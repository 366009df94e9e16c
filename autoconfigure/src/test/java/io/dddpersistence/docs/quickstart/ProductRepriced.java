package io.dddpersistence.docs.quickstart;

import java.math.BigDecimal;
import java.util.UUID;

import io.dddpersistence.outbox.Externalized;

// snippet-start
@Externalized(destination = "products", key = "productId")
public record ProductRepriced(UUID productId, BigDecimal price) {}
// snippet-end
