package io.dddpersistence.patch;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/** No entity to patch: none with the id, or not visible (archived, another tenant's) (HTTP 404, {@code not-found}). */
public class PatchTargetNotFoundException extends InvalidDataAccessApiUsageException {

	private final String entity;

	private final String id;

	PatchTargetNotFoundException(String entity, Object id) {
		super("No " + entity + " with id " + id);
		this.entity = entity;
		this.id = String.valueOf(id);
	}

	public String getEntity() {
		return this.entity;
	}

	public String getId() {
		return this.id;
	}

}
