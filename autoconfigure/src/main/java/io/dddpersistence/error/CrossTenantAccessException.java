package io.dddpersistence.error;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A write touched a row of another tenant than the current one (for example an entity loaded
 * under one tenant and saved under another). Nothing was written.
 */
public class CrossTenantAccessException extends InvalidDataAccessApiUsageException {

	private final String entityType;

	private final @Nullable Object id;

	public CrossTenantAccessException(String entityType, @Nullable Object id, String level) {
		super(entityType + " with id " + id + " belongs to another " + level
				+ " than the current one; it can be changed only within its own tenant.");
		this.entityType = entityType;
		this.id = id;
	}

	/** The entity type, as a simple class name. */
	public String getEntityType() {
		return this.entityType;
	}

	/** The identifier of the entity, when known. */
	public @Nullable Object getId() {
		return this.id;
	}

}
