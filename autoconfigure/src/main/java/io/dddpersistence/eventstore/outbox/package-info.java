/**
 * The bridge from the event store to the transactional outbox: appended events are written to the
 * outbox in the append's transaction, so they are externalized through the outbox's publishers
 * exactly when they are stored. A package of its own because it joins two capabilities that
 * otherwise do not know each other.
 */
@NullMarked
package io.dddpersistence.eventstore.outbox;

import org.jspecify.annotations.NullMarked;
