package io.dddpersistence.error;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A write was based on a stale version: someone else changed, archived or deleted the entity or
 * aggregate in between. Reload it and apply the change again, or report a conflict (HTTP 409) to
 * the caller. {@link #getReason()} says what happened to the stored row, and
 * {@link #getActualVersion()} gives its current version while it still exists. An event store
 * append can also be refused with its stream at the expected version ({@link Reason#OVERTAKEN}):
 * then retry it in a new transaction.
 */
public class OptimisticConcurrencyException extends OptimisticLockingFailureException {

	private final String entityType;

	private final @Nullable Object id;

	private final @Nullable Long expectedVersion;

	private final @Nullable Long actualVersion;

	private final @Nullable Reason reason;

	/**
	 * A conflict whose reason follows from the versions: {@link Reason#CHANGED} when the current
	 * version is known, unknown otherwise.
	 */
	public OptimisticConcurrencyException(String entityType, @Nullable Object id, @Nullable Long expectedVersion,
			@Nullable Long actualVersion, @Nullable Throwable cause) {
		this(entityType, id, expectedVersion, actualVersion, (actualVersion != null) ? Reason.CHANGED : null, cause);
	}

	/** A conflict with what happened to the stored row, when that was found out. */
	public OptimisticConcurrencyException(String entityType, @Nullable Object id, @Nullable Long expectedVersion,
			@Nullable Long actualVersion, @Nullable Reason reason, @Nullable Throwable cause) {
		super(message(entityType, id, expectedVersion, actualVersion, reason), cause);
		this.entityType = entityType;
		this.id = id;
		this.expectedVersion = expectedVersion;
		this.actualVersion = actualVersion;
		this.reason = reason;
	}

	private static String message(String entityType, @Nullable Object id, @Nullable Long expected,
			@Nullable Long actual, @Nullable Reason reason) {
		StringBuilder message = new StringBuilder("Concurrent modification of ").append(entityType)
			.append(" with id ")
			.append(id);
		message.append((expected != null) ? ": the change was based on version " + expected : ": the change");
		if (reason == Reason.DELETED) {
			return message.append(", but it has been deleted since. It cannot be changed any more.").toString();
		}
		if (reason == Reason.OVERTAKEN) {
			return message.append(", which is the current version, but the last event of the stream was committed by "
					+ "a younger transaction than this one, and an event appended now would be read before it. "
					+ "Retry the append in a new transaction.").toString();
		}
		if (reason == Reason.ARCHIVED) {
			message.append(", but it has been archived since");
			if (actual != null) {
				message.append(" (current version ").append(actual).append(')');
			}
			return message.append(". Restore it before changing it.").toString();
		}
		if (actual != null) {
			message.append(", but the current version is ").append(actual);
		}
		else {
			message.append((expected != null) ? ", which is no longer current" : " was based on a stale version");
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

	/**
	 * The version currently stored; null when the row no longer exists ({@link Reason#DELETED}) or
	 * its state could not be read.
	 */
	public @Nullable Long getActualVersion() {
		return this.actualVersion;
	}

	/** What happened to the stored row; null only when its state could not be read after the failure. */
	public @Nullable Reason getReason() {
		return this.reason;
	}

	/** What happened to the stored row since the version the write was based on. */
	public enum Reason {

		/** The row was updated: it exists at another version. */
		CHANGED,

		/** The row was archived: it exists, at another version, but is no longer active. */
		ARCHIVED,

		/** The row is gone (or not visible to the current tenant): there is no current version. */
		DELETED,

		/**
		 * An event store's stream is at the expected version, but its last event was committed by a
		 * transaction younger than the appending one (on PostgreSQL, readers order events by
		 * transaction id, so the new event would be read before that one). Retrying in a new
		 * transaction succeeds: it gets a newer transaction id.
		 */
		OVERTAKEN

	}

}
