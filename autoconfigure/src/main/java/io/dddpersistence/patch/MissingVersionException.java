package io.dddpersistence.patch;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A patch of a versioned entity came without the version it was based on ({@code If-Match}), so a
 * concurrent change could be lost (HTTP 428, {@code precondition-required}).
 */
public class MissingVersionException extends InvalidDataAccessApiUsageException {

	private final String entity;

	MissingVersionException(String entity) {
		super("A patch of " + entity + " needs the version it is based on: send If-Match with the ETag you read");
		this.entity = entity;
	}

	public String getEntity() {
		return this.entity;
	}

}
