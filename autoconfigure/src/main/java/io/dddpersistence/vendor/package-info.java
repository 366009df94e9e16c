/**
 * The database a capability runs on, decided once per {@code DataSource} (or Hibernate dialect):
 * PostgreSQL or H2, each capability keeping its SQL in one strategy per vendor, and a clear
 * start-up error naming the switch for any other database.
 */
@NullMarked
package io.dddpersistence.vendor;

import org.jspecify.annotations.NullMarked;
