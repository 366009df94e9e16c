package io.dddpersistence.benchmarks.search.add;

import java.math.BigDecimal;
import java.util.UUID;

/** The same row as a domain record, mapped to {@link BenchItem} by property name. */
public record BenchItemRecord(UUID id, Long version, String name, String category, BigDecimal price, int quantity) {
}
