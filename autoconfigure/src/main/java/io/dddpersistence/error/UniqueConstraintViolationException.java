package io.dddpersistence.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;

/**
 * An insert or update would duplicate a value that must be unique, including values that must
 * be unique only among active (not archived) rows. Names the constraint, its table and the
 * columns it covers so a caller can tell the user which field clashed (HTTP 409).
 */
public class UniqueConstraintViolationException extends DuplicateKeyException {

	private final @Nullable String constraint;

	private final @Nullable String table;

	private final List<String> columns;

	public UniqueConstraintViolationException(@Nullable String constraint, @Nullable String table, List<String> columns,
			@Nullable String detail, @Nullable Throwable cause) {
		super(message(constraint, table, columns, detail), cause);
		this.constraint = constraint;
		this.table = table;
		this.columns = List.copyOf(columns);
	}

	private static String message(@Nullable String constraint, @Nullable String table, List<String> columns,
			@Nullable String detail) {
		StringBuilder message = new StringBuilder("Duplicate value");
		if (!columns.isEmpty()) {
			message.append(" for ").append(String.join(", ", columns));
		}
		if (table != null) {
			message.append(" in ").append(table);
		}
		if (constraint != null) {
			message.append(" (constraint ").append(constraint).append(')');
		}
		if (detail != null) {
			message.append(": ").append(detail);
		}
		return message.toString();
	}

	/** The name of the violated constraint or unique index, when the database reported it. */
	public @Nullable String getConstraint() {
		return this.constraint;
	}

	/** The table the constraint belongs to, when known. */
	public @Nullable String getTable() {
		return this.table;
	}

	/** The columns the constraint covers, in order; empty when unknown. */
	public List<String> getColumns() {
		return this.columns;
	}

}
