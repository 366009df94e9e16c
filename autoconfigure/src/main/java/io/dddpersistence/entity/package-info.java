/**
 * Entity traits that compose freely on one entity: optimistic locking ({@code @Version}), audit
 * times and actors ({@link io.dddpersistence.entity.AuditTimes}, {@link io.dddpersistence.entity.AuditTrail}),
 * archive or soft delete ({@link io.dddpersistence.entity.ArchiveState},
 * {@link io.dddpersistence.entity.DeletedFlag}) with partial and unique-among-active indexes
 * ({@link io.dddpersistence.entity.UniqueAmongActive}), and the naming convention for constraints.
 */
@NullMarked
package io.dddpersistence.entity;

import org.jspecify.annotations.NullMarked;
