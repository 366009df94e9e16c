package io.dddpersistence.error;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A tenant-scoped operation ran with no current tenant. Nothing was read or written: resolve a
 * tenant for the request (header), or run the work inside a tenant scope.
 */
public class MissingTenantException extends InvalidDataAccessApiUsageException {

	private final String entityType;

	public MissingTenantException(String entityType) {
		super("No current tenant for a tenant-scoped operation on " + entityType
				+ ". Send the tenant header, or run the work inside TenantScope.run(tenant, ...).");
		this.entityType = entityType;
	}

	/** The tenant-scoped entity type the operation was for. */
	public String getEntityType() {
		return this.entityType;
	}

}
