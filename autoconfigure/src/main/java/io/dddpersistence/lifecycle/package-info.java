/**
 * Lifecycle hooks: Spring beans that run before and after entities are created, updated,
 * archived, restored and deleted, on every write path through the persistence context.
 */
@NullMarked
package io.dddpersistence.lifecycle;

import org.jspecify.annotations.NullMarked;
