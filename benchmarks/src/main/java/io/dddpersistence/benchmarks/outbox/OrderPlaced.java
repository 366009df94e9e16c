package io.dddpersistence.benchmarks.outbox;

import java.util.UUID;

/** The event both sides of the end-to-end comparison deliver. */
public record OrderPlaced(UUID orderId, int total) {
}
