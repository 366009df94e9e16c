package io.dddpersistence.error;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * An archived (soft-deleted) entity was changed. Archived rows are read-only: restore the entity
 * first, then change it.
 */
public class ArchivedEntityException extends InvalidDataAccessApiUsageException {

	private final String entityType;

	private final @Nullable Object id;

	public ArchivedEntityException(String entityType, @Nullable Object id) {
		super(entityType + " with id " + id + " is archived and cannot be changed; restore it first.");
		this.entityType = entityType;
		this.id = id;
	}

	/** The entity type, as a simple class name. */
	public String getEntityType() {
		return this.entityType;
	}

	/** The identifier of the archived entity. */
	public @Nullable Object getId() {
		return this.id;
	}

}
