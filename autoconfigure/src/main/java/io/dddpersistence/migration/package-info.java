/**
 * The library's own tables (outbox, event store, checkpoints), created and upgraded by Flyway
 * scripts that ship with the library, one script set and one history table per capability.
 */
@NullMarked
package io.dddpersistence.migration;

import org.jspecify.annotations.NullMarked;
