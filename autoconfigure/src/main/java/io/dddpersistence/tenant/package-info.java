/**
 * Tenancy: tenant columns ({@link io.dddpersistence.tenant.TenantColumn}) filled on insert and
 * enforced on every read, update and delete; the current tenant from a
 * {@link io.dddpersistence.tenant.TenantScope}, bound per web request by a
 * {@link io.dddpersistence.tenant.TenantResolver}; and optional PostgreSQL row-level security.
 */
@NullMarked
package io.dddpersistence.tenant;

import org.jspecify.annotations.NullMarked;
