package io.dddpersistence.error;

import java.sql.SQLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.hibernate.StaleStateException;

/**
 * Tells Hibernate's error logging which SQL failures the library translates into its own
 * exception (unique and foreign-key violations, and stale versions that abort a batch), and logs
 * those at debug in the library's logger instead: they are expected outcomes a caller handles (a
 * 409 or 422), not warnings. The line
 * names the constraint, table and columns and the statement with its placeholders, never the
 * values, which the driver's message would quote.
 */
final class TranslatedViolations {

	private static final Log logger = LogFactory.getLog(TranslatedViolations.class);

	private TranslatedViolations() {
	}

	/** The violation the library translates this failure into, or null for any other failure. */
	static ConstraintMessages.@Nullable Violation recognise(@Nullable SQLException sql) {
		if (sql == null) {
			return null;
		}
		try {
			return ConstraintMessages.of(sql).read(sql, null);
		}
		catch (RuntimeException unreadable) {
			// an unexpected message shape: leave the failure to Hibernate's logging
			return null;
		}
	}

	/**
	 * Whether the library translates what aborted a JDBC batch: a violation it recognises, or a
	 * stale version (a row count of zero), which becomes {@link OptimisticConcurrencyException}.
	 */
	static boolean translatesBatchAbort(Exception cause) {
		if (cause instanceof StaleStateException stale) {
			if (logger.isDebugEnabled()) {
				logger.debug("Stale version, reported as " + OptimisticConcurrencyException.class.getSimpleName() + ": "
						+ stale.getMessage());
			}
			return true;
		}
		return cause instanceof SQLException sql && recognise(sql) != null;
	}

	static void logAtDebug(ConstraintMessages.Violation violation, SQLException sql, @Nullable String statement) {
		if (!logger.isDebugEnabled()) {
			return;
		}
		StringBuilder line = new StringBuilder(violation.unique() ? "Duplicate value" : "Missing reference");
		if (violation.unique() && !violation.columns().isEmpty()) {
			line.append(" for ").append(String.join(", ", violation.columns()));
		}
		if (violation.table() != null) {
			line.append(violation.unique() ? " in " : " from ").append(violation.table());
		}
		if (violation.referencedTable() != null) {
			line.append(" to ").append(violation.referencedTable());
		}
		line.append(" (constraint ").append(violation.constraint()).append(", SQLState ").append(sqlState(sql));
		line.append("), reported as ")
			.append(violation.unique() ? UniqueConstraintViolationException.class.getSimpleName()
					: MissingReferenceException.class.getSimpleName());
		if (statement != null && !statement.isEmpty()) {
			line.append(": ").append(statement);
		}
		logger.debug(line);
	}

	private static @Nullable String sqlState(SQLException sql) {
		for (SQLException current = sql; current != null; current = current.getNextException()) {
			if (current.getSQLState() != null) {
				return current.getSQLState();
			}
		}
		return null;
	}

}
