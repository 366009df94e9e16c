/**
 * Wake-ups: a committed write wakes the components that relay it (the outbox poller, the event
 * store's catch-up subscriptions) at once instead of at their next poll. In the process through
 * {@link io.dddpersistence.wakeup.WakeUpChannel}, after the writing transaction commits; across
 * instances on PostgreSQL through {@code LISTEN}/{@code NOTIFY} on a listener connection of its own
 * ({@link io.dddpersistence.wakeup.WakeUpConfiguration}). The poll interval stays the safety net.
 */
@NullMarked
package io.dddpersistence.wakeup;

import org.jspecify.annotations.NullMarked;
