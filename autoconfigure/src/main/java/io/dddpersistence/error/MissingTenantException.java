package io.dddpersistence.error;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A tenant-scoped operation ran with no current tenant. Nothing was read or written: resolve a
 * tenant for the request (header), or run the work inside a tenant scope.
 */
public class MissingTenantException extends InvalidDataAccessApiUsageException {

	private final @Nullable String entityType;

	private final String level;

	/** No tenant for a write of the given entity type, at the default level. */
	public MissingTenantException(String entityType) {
		this(entityType, "tenant");
	}

	/** No tenant of the given level for an operation on the entity type, when known. */
	public MissingTenantException(@Nullable String entityType, String level) {
		super("No current " + ("tenant".equals(level) ? "tenant" : "tenant of level '" + level + "'")
				+ " for a tenant-scoped " + ((entityType != null) ? "operation on " + entityType : "query")
				+ ". Send the tenant header, or run the work inside TenantScope.run(tenant, ...).");
		this.entityType = entityType;
		this.level = level;
	}

	/** The tenant-scoped entity type the operation was for, when known (a query may span several). */
	public @Nullable String getEntityType() {
		return this.entityType;
	}

	/** The tenant level that had no current tenant. */
	public String getLevel() {
		return this.level;
	}

}
