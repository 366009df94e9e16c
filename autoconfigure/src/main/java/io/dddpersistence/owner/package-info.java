/**
 * Owner-scoped rows: an entity's {@link io.dddpersistence.owner.OwnerColumn}, filled from the
 * current owner and restricting every read and write to the owner's rows unless the
 * {@link io.dddpersistence.owner.OwnerPolicy} lets the current work see every row.
 */
@NullMarked
package io.dddpersistence.owner;

import org.jspecify.annotations.NullMarked;
