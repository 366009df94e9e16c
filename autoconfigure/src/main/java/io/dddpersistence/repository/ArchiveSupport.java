package io.dddpersistence.repository;

import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import io.dddpersistence.entity.Archiving;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The one place repositories reach the archive trait: the entity package's {@link Archiving} when
 * the application has it, otherwise nothing is archivable and purging deletes.
 */
final class ArchiveSupport {

	private final @Nullable Archiving archiving;

	ArchiveSupport(@Nullable Archiving archiving) {
		this.archiving = archiving;
	}

	boolean isArchivable(Class<?> type) {
		return this.archiving != null && this.archiving.isArchivable(type);
	}

	void archive(Object entity) {
		requireArchivable(entity.getClass()).archive(entity);
	}

	void restore(Object entity) {
		requireArchivable(entity.getClass()).restore(entity);
	}

	void purge(EntityManager entityManager, Object entity) {
		if (this.archiving != null && isArchivable(entity.getClass())) {
			this.archiving.purge(entity);
		}
		else {
			entityManager.remove(entity);
		}
	}

	<R> R includingArchived(Supplier<R> work) {
		return (this.archiving != null) ? this.archiving.includingArchived(work) : work.get();
	}

	<R> R onlyArchived(Supplier<R> work) {
		return (this.archiving != null) ? this.archiving.onlyArchived(work) : work.get();
	}

	private Archiving requireArchivable(Class<?> type) {
		if (this.archiving == null || !this.archiving.isArchivable(type)) {
			throw notArchivable(type);
		}
		return this.archiving;
	}

	static InvalidDataAccessApiUsageException notArchivable(Class<?> type) {
		return new InvalidDataAccessApiUsageException(type.getSimpleName()
				+ " is not archivable: give the entity the archive trait, or use remove/purge to delete it");
	}

}
