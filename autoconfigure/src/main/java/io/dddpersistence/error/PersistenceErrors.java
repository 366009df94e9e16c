package io.dddpersistence.error;

import java.lang.reflect.Field;
import java.sql.SQLException;

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

	private PersistenceErrors() {
	}

	static @Nullable DataAccessException refine(RuntimeException ex, @Nullable DataAccessException translated) {
		if (ex instanceof OptimisticConcurrencyException || ex instanceof UniqueConstraintViolationException
				|| ex instanceof MissingReferenceException || ex instanceof ArchivedEntityException
				|| ex instanceof MissingTenantException || ex instanceof MalformedTenantException
				|| ex instanceof CrossTenantAccessException
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
		ConstraintViolationException hibernate = find(ex, ConstraintViolationException.class);
		ConstraintMessages.Violation violation = ConstraintMessages.of(sql)
			.read(sql, (hibernate != null) ? hibernate.getConstraintName() : null);
		if (violation == null) {
			return null;
		}
		if (violation.unique()) {
			return new UniqueConstraintViolationException(violation.constraint(), violation.table(), violation.columns(),
					violation.detail(), ex);
		}
		return new MissingReferenceException(violation.constraint(), violation.table(), violation.referencedTable(),
				violation.detail(), ex);
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
