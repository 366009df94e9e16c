/** Tickets: one active ticket per event and seat, cancelled with a boolean flag. */
@NullMarked
package io.dddpersistence.sample.tickets;

import org.jspecify.annotations.NullMarked;
