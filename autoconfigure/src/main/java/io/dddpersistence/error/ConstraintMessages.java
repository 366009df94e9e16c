package io.dddpersistence.error;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a unique or foreign-key violation out of one driver's exception: the SQLStates and the
 * message format differ between PostgreSQL and H2. Chosen by the exception's driver, since that is
 * where the text comes from.
 */
sealed interface ConstraintMessages permits ConstraintMessages.Postgres, ConstraintMessages.H2 {

	static ConstraintMessages of(SQLException sql) {
		return sql.getClass().getName().startsWith("org.h2.") ? new H2() : new Postgres();
	}

	/** The violation, or null when the exception is not a unique or foreign-key violation. */
	@Nullable Violation read(SQLException sql, @Nullable String constraintFromHibernate);

	/** What the database said about a violated constraint. */
	record Violation(boolean unique, @Nullable String constraint, @Nullable String table, List<String> columns,
			@Nullable String referencedTable, @Nullable String detail) {
	}

	record Postgres() implements ConstraintMessages {

		private static final Pattern KEY_COLUMNS = Pattern.compile("Key \\((.+?)\\)=");

		private static final Pattern REFERENCED_TABLE = Pattern.compile("in table \"([^\"]+)\"");

		private static final Pattern QUOTED_CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

		private static final Pattern ON_TABLE = Pattern.compile("on table \"([^\"]+)\"");

		@Override
		public @Nullable Violation read(SQLException sql, @Nullable String constraintFromHibernate) {
			String state = sqlState(sql);
			boolean unique = "23505".equals(state);
			if (!unique && !"23503".equals(state)) {
				return null;
			}
			String message = String.valueOf(mostSpecific(sql).getMessage());
			String constraint = (constraintFromHibernate != null) ? constraintFromHibernate
					: first(QUOTED_CONSTRAINT, message);
			String table = first(ON_TABLE, message);
			if (table == null) {
				table = serverReportedTable(sql);
			}
			String columns = first(KEY_COLUMNS, message);
			List<String> columnList = (unique && columns != null)
					? Arrays.stream(columns.split(",")).map(String::trim).map((column) -> column.replace("\"", "")).toList()
					: List.of();
			return new Violation(unique, constraint, table, columnList, unique ? null : first(REFERENCED_TABLE, message),
					detail(message));
		}

		/** PgJDBC reports a failed batch entry's server error as the next exception. */
		private static SQLException mostSpecific(SQLException sql) {
			SQLException next = sql.getNextException();
			return (next != null) ? next : sql;
		}

		private static @Nullable String detail(String message) {
			int index = message.indexOf("Detail:");
			return (index >= 0) ? message.substring(index + "Detail:".length()).trim() : null;
		}

		/** The table PostgreSQL names in its error fields, read without a compile-time driver dependency. */
		private static @Nullable String serverReportedTable(SQLException sql) {
			for (SQLException current = sql; current != null; current = current.getNextException()) {
				try {
					Object message = current.getClass().getMethod("getServerErrorMessage").invoke(current);
					if (message != null) {
						Object table = message.getClass().getMethod("getTable").invoke(message);
						if (table != null) {
							return table.toString();
						}
					}
				}
				catch (ReflectiveOperationException | RuntimeException notPostgres) {
					// another driver: no table in the error
				}
			}
			return null;
		}

	}

	/**
	 * H2 names the index (for a unique violation) or the constraint (for a foreign key) with the
	 * table and the columns in its message. Unquoted names are upper case there; they are reported
	 * in lower case, as PostgreSQL reports the same names.
	 */
	record H2() implements ConstraintMessages {

		/**
		 * {@code "PUBLIC.UQ_X ON PUBLIC.T(A NULLS FIRST, B NULLS FIRST) VALUES ..."} for a unique index,
		 * {@code "PUBLIC.UK_X INDEX PUBLIC.UK_X_INDEX_5 ON PUBLIC.T(A NULLS FIRST) ..."} for a unique
		 * constraint (named by the constraint, not its index), {@code "PUBLIC.CONSTRAINT_5 PRIMARY KEY ON
		 * PUBLIC.T(ID) ..."} for a primary key.
		 */
		private static final Pattern UNIQUE = Pattern.compile("\"(?:[^\".]+\\.)?([^\". ]+)"
				+ "(?: PRIMARY KEY| INDEX (?:[^\".]+\\.)?[^\". ]+)? ON (?:[^\".(]+\\.)?([^\".( ]+)\\(([^)]*)\\)");

		/** {@code "FK_X: PUBLIC.T FOREIGN KEY(A) REFERENCES PUBLIC.U(ID) ..."} */
		private static final Pattern FOREIGN_KEY = Pattern
			.compile("\"([^\":]+): (?:[^\".(]+\\.)?([^\".( ]+) FOREIGN KEY\\(([^)]*)\\) REFERENCES (?:[^\".(]+\\.)?([^\".( ]+)\\(");

		/** H2's generated marker of unique-among-active indexes; an implementation detail, not a key column. */
		private static final String ACTIVE_MARKER = "ddd_active";

		@Override
		public @Nullable Violation read(SQLException sql, @Nullable String constraintFromHibernate) {
			String state = sqlState(sql);
			String message = String.valueOf(sql.getMessage());
			if ("23505".equals(state)) {
				Matcher matcher = UNIQUE.matcher(message);
				if (!matcher.find()) {
					return new Violation(true, lower(constraintFromHibernate), null, List.of(), null, null);
				}
				List<String> columns = Arrays.stream(matcher.group(3).split(","))
					.map((column) -> lower(column.trim().split(" ")[0].replace("\"", "")))
					.filter((column) -> !ACTIVE_MARKER.equals(column))
					.toList();
				return new Violation(true, lower(matcher.group(1)), lower(matcher.group(2)), columns, null, null);
			}
			// 23506: the referenced row is missing; 23503: a referencing row still exists (PostgreSQL: both 23503)
			if ("23506".equals(state) || "23503".equals(state)) {
				Matcher matcher = FOREIGN_KEY.matcher(message);
				if (!matcher.find()) {
					return new Violation(false, lower(constraintFromHibernate), null, List.of(), null, null);
				}
				return new Violation(false, lower(matcher.group(1)), lower(matcher.group(2)),
						List.of(lower(matcher.group(3))), lower(matcher.group(4)), null);
			}
			return null;
		}

		private static @Nullable String lower(@Nullable String name) {
			return (name != null) ? name.toLowerCase(Locale.ROOT) : null;
		}

	}

	private static @Nullable String sqlState(SQLException sql) {
		for (SQLException current = sql; current != null; current = current.getNextException()) {
			if (current.getSQLState() != null) {
				return current.getSQLState();
			}
		}
		return null;
	}

	private static @Nullable String first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

}
