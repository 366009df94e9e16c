package io.dddpersistence.docs.quickstart;

// snippet-start
import java.math.BigDecimal;
import java.util.UUID;

import io.dddpersistence.outbox.Externalized;

@Externalized(destination = "products", key = "productId")
public record ProductRepriced(UUID productId, BigDecimal price) {}
// snippet-end
