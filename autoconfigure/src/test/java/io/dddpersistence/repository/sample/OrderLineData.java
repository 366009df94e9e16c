package io.dddpersistence.repository.sample;

import java.math.BigDecimal;

/** The entity side's line, a type of its own, stored in a jsonb array. */
public record OrderLineData(String sku, int quantity, BigDecimal unitPrice) {
}
