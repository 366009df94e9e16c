package io.dddpersistence.error;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A write was based on a stale version: someone else changed the entity or aggregate in between.
 * Reload it and apply the change again, or report a conflict (HTTP 409) to the caller.
 */
public class OptimisticConcurrencyException extends OptimisticLockingFailureException {

	private final String entityType;

	private final @Nullable Object id;

	private final @Nullable Long expectedVersion;

	private final @Nullable Long actualVersion;

	public OptimisticConcurrencyException(String entityType, @Nullable Object id, @Nullable Long expectedVersion,
			@Nullable Long actualVersion, @Nullable Throwable cause) {
		super(message(entityType, id, expectedVersion, actualVersion), cause);
		this.entityType = entityType;
		this.id = id;
		this.expectedVersion = expectedVersion;
		this.actualVersion = actualVersion;
	}

	private static String message(String entityType, @Nullable Object id, @Nullable Long expected,
			@Nullable Long actual) {
		StringBuilder message = new StringBuilder("Concurrent modification of ").append(entityType)
			.append(" with id ")
			.append(id);
		if (expected != null) {
			message.append(": the change was based on version ").append(expected);
		}
		if (actual != null) {
			message.append(", but the current version is ").append(actual);
		}
		else if (expected != null) {
			message.append(", which is no longer current");
		}
		return message.append(". Reload it and apply the change again.").toString();
	}

	/** The entity or aggregate type, as a simple class name or aggregate type name. */
	public String getEntityType() {
		return this.entityType;
	}

	/** The identifier of the entity or aggregate, when known. */
	public @Nullable Object getId() {
		return this.id;
	}

	/** The version the failed write was based on, when known. */
	public @Nullable Long getExpectedVersion() {
		return this.expectedVersion;
	}

	/** The version currently stored, when known. */
	public @Nullable Long getActualVersion() {
		return this.actualVersion;
	}

}
