/** Private notes: owner-scoped rows, see docs/owner-scoped-rows.md. */
@NullMarked
package io.dddpersistence.sample.notes;

import org.jspecify.annotations.NullMarked;
