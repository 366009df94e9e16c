/**
 * An event store on PostgreSQL or H2: atomic appends with an expected version, per-aggregate and global
 * reads that never skip an event that committed late, typed events on Jackson with upcasting,
 * event-sourced aggregates with snapshots, and catch-up subscriptions for projections.
 */
@NullMarked
package io.dddpersistence.eventstore;

import org.jspecify.annotations.NullMarked;
