/** A small marketplace service showing ddd-persistence through the starter. */
@NullMarked
package io.dddpersistence.sample;

import org.jspecify.annotations.NullMarked;
