/**
 * Identifiers the library makes for its own rows: time-ordered UUIDs for outbox messages and
 * stored events.
 */
@NullMarked
package io.dddpersistence.id;

import org.jspecify.annotations.NullMarked;
