/** Stores with a location, found by distance. */
@NullMarked
package io.dddpersistence.sample.stores;

import org.jspecify.annotations.NullMarked;
