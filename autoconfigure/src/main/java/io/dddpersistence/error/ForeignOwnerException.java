package io.dddpersistence.error;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * An update or delete reached a row of another owner (a detached copy merged, an entity loaded in
 * an unrestricted scope), or a create named another owner; nothing was written (HTTP 403,
 * {@code foreign-owner}).
 */
public class ForeignOwnerException extends InvalidDataAccessApiUsageException {

	private final String entityType;

	private final @Nullable String id;

	public ForeignOwnerException(String entityType, @Nullable Object id) {
		super("This " + entityType + ((id != null) ? " (" + QuotedInput.of(id) + ")" : "")
				+ " belongs to another owner: only its owner, or a principal that sees every row, may change it");
		this.entityType = entityType;
		this.id = (id != null) ? String.valueOf(id) : null;
	}

	public String getEntityType() {
		return this.entityType;
	}

	public @Nullable String getId() {
		return this.id;
	}

}
