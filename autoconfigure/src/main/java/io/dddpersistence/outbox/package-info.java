/**
 * The transactional outbox: messages written in the business transaction
 * ({@link io.dddpersistence.outbox.OutboxWriter}, or captured from aggregates' domain events marked
 * {@link io.dddpersistence.outbox.Externalized}) and relayed to a broker by
 * {@link io.dddpersistence.outbox.OutboxPoller} through an
 * {@link io.dddpersistence.outbox.OutboxPublisher}, at least once, with retries, dead messages
 * ({@link io.dddpersistence.outbox.OutboxAdmin}) and optional per-key ordering.
 */
@NullMarked
package io.dddpersistence.outbox;

import org.jspecify.annotations.NullMarked;
