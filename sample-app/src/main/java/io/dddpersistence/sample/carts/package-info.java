/**
 * Shopping carts, event-sourced: a cart is the sum of its events in the event store, and a
 * projection keeps the {@code cart_summary} table that the query endpoint reads.
 */
@NullMarked
package io.dddpersistence.sample.carts;

import org.jspecify.annotations.NullMarked;
