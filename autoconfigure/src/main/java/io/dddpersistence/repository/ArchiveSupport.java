package io.dddpersistence.repository;

import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The one place that talks to the archive trait, so that repositories depend on it through this
 * adapter only.
 * <p>
 * TODO: delegate to {@code io.dddpersistence.entity.Archiving} (isArchivable, archive, restore,
 * purge, includingArchived, onlyArchived) once it is on main; until then no type is archivable,
 * purging deletes and the visibility scopes just run the work.
 */
final class ArchiveSupport {

	static final ArchiveSupport NONE = new ArchiveSupport();

	boolean isArchivable(Class<?> type) {
		return false;
	}

	void archive(Object entity) {
		throw notArchivable(entity.getClass());
	}

	void restore(Object entity) {
		throw notArchivable(entity.getClass());
	}

	void purge(EntityManager entityManager, Object entity) {
		entityManager.remove(entity);
	}

	<R> R includingArchived(Supplier<R> work) {
		return work.get();
	}

	<R> R onlyArchived(Supplier<R> work) {
		return work.get();
	}

	static InvalidDataAccessApiUsageException notArchivable(Class<?> type) {
		return new InvalidDataAccessApiUsageException(type.getSimpleName()
				+ " is not archivable: give the entity the archive trait, or use remove/purge to delete it");
	}

}
