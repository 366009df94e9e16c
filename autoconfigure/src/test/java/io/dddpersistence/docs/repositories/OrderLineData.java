package io.dddpersistence.docs.repositories;

/** A line as the entity stores it, copied property by property from {@link OrderLine}. */
public record OrderLineData(String product, int quantity) {
}
