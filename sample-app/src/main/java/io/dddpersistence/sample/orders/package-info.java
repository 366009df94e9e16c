/**
 * Orders: placing or cancelling one raises domain events that the outbox stores in the same
 * transaction and its poller publishes afterwards (in-process, or to RabbitMQ with the
 * {@code rabbit} profile).
 */
@NullMarked
package io.dddpersistence.sample.orders;

import org.jspecify.annotations.NullMarked;
