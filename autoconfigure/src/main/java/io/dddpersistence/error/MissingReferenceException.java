package io.dddpersistence.error;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * A foreign key was violated: a row refers to a row that does not exist, or a referenced row was
 * removed while still referenced. Names the constraint and the tables involved (HTTP 422).
 */
public class MissingReferenceException extends DataIntegrityViolationException {

	private final @Nullable String constraint;

	private final @Nullable String table;

	private final @Nullable String referencedTable;

	public MissingReferenceException(@Nullable String constraint, @Nullable String table,
			@Nullable String referencedTable, @Nullable String detail, @Nullable Throwable cause) {
		super("Missing reference" + ((table != null) ? " from " + table : "")
				+ ((referencedTable != null) ? " to " + referencedTable : "")
				+ ((constraint != null) ? " (constraint " + constraint + ")" : "")
				+ ((detail != null) ? ": " + detail : ""), cause);
		this.constraint = constraint;
		this.table = table;
		this.referencedTable = referencedTable;
	}

	/** The violated foreign key constraint, when the database reported it. */
	public @Nullable String getConstraint() {
		return this.constraint;
	}

	/** The referencing table, when known. */
	public @Nullable String getTable() {
		return this.table;
	}

	/** The referenced table, when known. */
	public @Nullable String getReferencedTable() {
		return this.referencedTable;
	}

}
