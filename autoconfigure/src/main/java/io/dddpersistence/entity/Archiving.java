package io.dddpersistence.entity;

import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.hibernate.Hibernate;
import org.hibernate.Session;

import org.springframework.dao.support.DataAccessUtils;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The explicit archive operations on archivable entities: archive, restore, read including or
 * only archived rows, and purge (hard delete). Each runs in the caller's transaction, or in one of
 * its own when there is none.
 *
 * <p>Defined edge cases: archiving an archived entity and restoring an active one change nothing
 * and return the entity as it is; changing an archived entity in any other way is refused with
 * {@link io.dddpersistence.error.ArchivedEntityException} at flush.
 *
 * <pre class="code">
 * archiving.archive(document);
 * List&lt;Document&gt; all = archiving.includingArchived(() -&gt; documents.findAll());
 * archiving.restore(document);
 * </pre>
 */
public class Archiving {

	private final EntityManager entityManager;

	private final EntityManagerFactory entityManagerFactory;

	private final TransactionTemplate transactions;

	private final AuditSource source;

	public Archiving(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			AuditSource source) {
		this.entityManagerFactory = entityManagerFactory;
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.transactions = new TransactionTemplate(transactionManager);
		this.source = source;
	}

	/** Whether entities of this type are archived rather than deleted. */
	public boolean isArchivable(Class<?> type) {
		return EntityTraits.of(type).isArchivable();
	}

	/** Whether this entity is archived (false for entities that are not archivable). */
	public boolean isArchived(Object entity) {
		Object target = Hibernate.unproxy(entity);
		EntityTraits traits = EntityTraits.of(target.getClass());
		return traits.isArchivable() && traits.archiveOf(target).isArchived();
	}

	/**
	 * Archives the entity, recording when and by whom; returns the managed instance. An archived
	 * entity stays as it is.
	 */
	public <T> T archive(T entity) {
		return includingArchived(() -> {
			T managed = managed(entity);
			ArchiveMarker marker = traitsOf(managed).archiveOf(managed);
			if (!marker.isArchived()) {
				marker.markArchived(this.source.now(), this.source.currentActor());
			}
			return managed;
		});
	}

	/** Makes an archived entity active again; returns the managed instance. An active entity stays as it is. */
	public <T> T restore(T entity) {
		return includingArchived(() -> {
			T managed = managed(entity);
			traitsOf(managed).archiveOf(managed).markActive();
			return managed;
		});
	}

	/** Deletes the entity's row for good, archived or not. */
	public void purge(Object entity) {
		Object target = Hibernate.unproxy(entity);
		Class<?> type = target.getClass();
		traitsOf(target);
		Object id = this.entityManagerFactory.getPersistenceUnitUtil().getIdentifier(target);
		includingArchived(() -> {
			Object managed = this.entityManager.find(type, id);
			if (managed == null) {
				return 0;
			}
			// a real remove: cascades, orphans and the lifecycle hooks' delete methods run as for any delete
			ArchivingDeleteListener.purging(() -> this.entityManager.remove(managed));
			this.entityManager.flush();
			return 1;
		});
	}

	/** Runs the work with archived rows visible beside active ones, in a transaction. */
	public <R> R includingArchived(Supplier<R> work) {
		return inTransaction(() -> {
			Session session = this.entityManager.unwrap(Session.class);
			boolean activeOnly = session.getEnabledFilter(TraitFilters.ACTIVE) != null;
			boolean archivedOnly = session.getEnabledFilter(TraitFilters.ARCHIVED) != null;
			session.disableFilter(TraitFilters.ACTIVE);
			session.disableFilter(TraitFilters.ARCHIVED);
			try {
				return work.get();
			}
			finally {
				restoreFilters(session, activeOnly, archivedOnly);
			}
		});
	}

	/** Runs the work with only archived rows visible, in a transaction. */
	public <R> R onlyArchived(Supplier<R> work) {
		return inTransaction(() -> {
			Session session = this.entityManager.unwrap(Session.class);
			boolean activeOnly = session.getEnabledFilter(TraitFilters.ACTIVE) != null;
			boolean archivedOnly = session.getEnabledFilter(TraitFilters.ARCHIVED) != null;
			session.disableFilter(TraitFilters.ACTIVE);
			session.enableFilter(TraitFilters.ARCHIVED);
			try {
				return work.get();
			}
			finally {
				restoreFilters(session, activeOnly, archivedOnly);
			}
		});
	}

	private static void restoreFilters(Session session, boolean activeOnly, boolean archivedOnly) {
		session.disableFilter(TraitFilters.ACTIVE);
		session.disableFilter(TraitFilters.ARCHIVED);
		if (activeOnly) {
			session.enableFilter(TraitFilters.ACTIVE);
		}
		if (archivedOnly) {
			session.enableFilter(TraitFilters.ARCHIVED);
		}
	}

	private <R> R inTransaction(Supplier<R> work) {
		try {
			return this.transactions.execute((status) -> work.get());
		}
		catch (RuntimeException ex) {
			throw translate(ex);
		}
	}

	private RuntimeException translate(RuntimeException ex) {
		if (this.entityManagerFactory instanceof EntityManagerFactoryInfo info && info.getJpaDialect() != null) {
			return DataAccessUtils.translateIfNecessary(ex, info.getJpaDialect());
		}
		return ex;
	}

	@SuppressWarnings("unchecked")
	private <T> T managed(T entity) {
		T target = (T) Hibernate.unproxy(entity);
		traitsOf(target);
		return this.entityManager.contains(target) ? target : this.entityManager.merge(target);
	}

	private static EntityTraits traitsOf(@Nullable Object entity) {
		if (entity == null) {
			throw new IllegalArgumentException("entity must not be null");
		}
		EntityTraits traits = EntityTraits.of(entity.getClass());
		if (!traits.isArchivable()) {
			throw new IllegalArgumentException(entity.getClass().getName()
					+ " is not archivable: give it an ArchiveState or DeletedFlag field.");
		}
		return traits;
	}

}
