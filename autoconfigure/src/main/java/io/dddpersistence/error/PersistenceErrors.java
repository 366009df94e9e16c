package io.dddpersistence.error;

import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import org.hibernate.Hibernate;
import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

import org.springframework.dao.DataAccessException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.util.ReflectionUtils;

/**
 * Recognises the failures users handle (stale versions, duplicate keys, missing references) in a
 * JDBC or Hibernate exception chain and builds the library's exception with the facts the
 * database reported. Anything else keeps Spring's translation.
 */
final class PersistenceErrors {

	private static final String UNIQUE_VIOLATION = "23505";

	private static final String FOREIGN_KEY_VIOLATION = "23503";

	private static final Pattern KEY_COLUMNS = Pattern.compile("Key \\((.+?)\\)=");

	private static final Pattern REFERENCED_TABLE = Pattern.compile("in table \"([^\"]+)\"");

	private static final Pattern QUOTED_CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

	private static final Pattern ON_TABLE = Pattern.compile("on table \"([^\"]+)\"");

	private PersistenceErrors() {
	}

	static @Nullable DataAccessException refine(RuntimeException ex, @Nullable DataAccessException translated) {
		if (ex instanceof OptimisticConcurrencyException || ex instanceof UniqueConstraintViolationException
				|| ex instanceof MissingReferenceException || ex instanceof ArchivedEntityException
				|| ex instanceof MissingTenantException || ex instanceof CrossTenantAccessException
				|| ex instanceof InvalidGeometryException) {
			return (DataAccessException) ex;
		}
		if (translated instanceof OptimisticConcurrencyException
				|| translated instanceof UniqueConstraintViolationException
				|| translated instanceof MissingReferenceException) {
			return translated;
		}
		OptimisticConcurrencyException conflict = optimisticConflict(ex);
		if (conflict != null) {
			return conflict;
		}
		SQLException sql = find(ex, SQLException.class);
		if (sql != null) {
			DataAccessException constraint = constraintViolation(ex, sql);
			if (constraint != null) {
				return constraint;
			}
		}
		return translated;
	}

	private static @Nullable OptimisticConcurrencyException optimisticConflict(Throwable ex) {
		StaleObjectStateException stale = find(ex, StaleObjectStateException.class);
		jakarta.persistence.OptimisticLockException jpa = find(ex, jakarta.persistence.OptimisticLockException.class);
		ObjectOptimisticLockingFailureException spring = find(ex, ObjectOptimisticLockingFailureException.class);
		if (stale == null && jpa == null && spring == null && find(ex, StaleStateException.class) == null) {
			return null;
		}
		String entityType = "entity";
		Object id = null;
		if (stale != null) {
			entityType = simpleName(stale.getEntityName());
			id = stale.getIdentifier();
		}
		else if (spring != null && spring.getPersistentClassName() != null) {
			entityType = simpleName(spring.getPersistentClassName());
			id = spring.getIdentifier();
		}
		Long expected = null;
		if (jpa != null && jpa.getEntity() != null) {
			Object entity = Hibernate.unproxy(jpa.getEntity());
			expected = versionOf(entity);
			if (stale == null) {
				entityType = entity.getClass().getSimpleName();
			}
		}
		return new OptimisticConcurrencyException(entityType, id, expected, null, ex);
	}

	private static @Nullable Long versionOf(Object entity) {
		Field[] version = new Field[1];
		ReflectionUtils.doWithFields(entity.getClass(), (field) -> version[0] = field,
				(field) -> field.isAnnotationPresent(Version.class));
		if (version[0] == null) {
			return null;
		}
		ReflectionUtils.makeAccessible(version[0]);
		Object value = ReflectionUtils.getField(version[0], entity);
		return (value instanceof Number number) ? number.longValue() : null;
	}

	private static @Nullable DataAccessException constraintViolation(RuntimeException ex, SQLException sql) {
		String state = sqlState(sql);
		String message = String.valueOf(mostSpecific(sql).getMessage());
		ConstraintViolationException hibernate = find(ex, ConstraintViolationException.class);
		String constraint = (hibernate != null) ? hibernate.getConstraintName() : null;
		if (constraint == null) {
			constraint = first(QUOTED_CONSTRAINT, message);
		}
		String table = first(ON_TABLE, message);
		String detail = detail(message);
		if (UNIQUE_VIOLATION.equals(state)) {
			String columns = first(KEY_COLUMNS, message);
			List<String> columnList = (columns != null)
					? Arrays.stream(columns.split(",")).map(String::trim).map(PersistenceErrors::unquote).toList()
					: List.of();
			if (table == null) {
				table = serverReportedTable(sql);
			}
			return new UniqueConstraintViolationException(constraint, table, columnList, detail, ex);
		}
		if (FOREIGN_KEY_VIOLATION.equals(state)) {
			return new MissingReferenceException(constraint, (table != null) ? table : serverReportedTable(sql),
					first(REFERENCED_TABLE, message), detail, ex);
		}
		return null;
	}

	private static @Nullable String sqlState(SQLException sql) {
		for (SQLException current = sql; current != null; current = current.getNextException()) {
			if (current.getSQLState() != null) {
				return current.getSQLState();
			}
		}
		return null;
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

	private static @Nullable String first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String unquote(String identifier) {
		return identifier.replace("\"", "");
	}

	private static String simpleName(String entityName) {
		int dot = entityName.lastIndexOf('.');
		return (dot >= 0) ? entityName.substring(dot + 1) : entityName;
	}

	private static <T extends Throwable> @Nullable T find(@Nullable Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = (current.getCause() == current) ? null : current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		return null;
	}

}
