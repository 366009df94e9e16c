package io.dddpersistence.benchmarks.eventstore;

import io.dddpersistence.eventstore.EventType;

/** The event every side of the event-store suite writes and reads (Jackson 2 and 3 both map records). */
@EventType("line-added")
public record LineAdded(String sku, int quantity, double price) {
}
