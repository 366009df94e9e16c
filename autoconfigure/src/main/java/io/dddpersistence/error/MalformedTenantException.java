package io.dddpersistence.error;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The current tenant of a level is not a valid id for the tenant columns of that level: not a UUID
 * for a {@code UUID} column, not a number for a {@code Long} or {@code Integer} one. Nothing was read
 * or written; a request that sent it is answered 400.
 */
public class MalformedTenantException extends InvalidDataAccessApiUsageException {

	private final String level;

	private final String expectedType;

	/** The current tenant of {@code level} is not a valid {@code expectedType}. */
	public MalformedTenantException(String level, String expectedType) {
		super("The current " + ("tenant".equals(level) ? "tenant" : "tenant of level '" + level + "'")
				+ " is not a valid " + expectedType + ", the type of its tenant columns; send the tenant header as a "
				+ expectedType + ".");
		this.level = level;
		this.expectedType = expectedType;
	}

	/** The tenant level whose current tenant is malformed. */
	public String getLevel() {
		return this.level;
	}

	/** The type the level's tenant columns hold: UUID, Long or Integer. */
	public String getExpectedType() {
		return this.expectedType;
	}

}
