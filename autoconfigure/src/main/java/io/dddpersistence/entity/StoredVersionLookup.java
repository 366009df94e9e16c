package io.dddpersistence.entity;

import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.error.OptimisticConcurrencyException.Reason;

/**
 * Reads what is stored for an entity after a stale write failed: its current version, and whether
 * the row was archived or deleted meanwhile. The read is one short query by id in a session,
 * transaction and connection of its own, without a lock, so it works however the failed
 * transaction ends. The session applies the tenant filters as every session does, and the
 * {@link VersionLookupCustomizer}s prepare its connection (row-level security sets the tenant
 * there), so a row of another tenant stays invisible and is reported as deleted.
 */
final class StoredVersionLookup {

	private static final Log logger = LogFactory.getLog(StoredVersionLookup.class);

	private final SessionFactoryImplementor sessionFactory;

	private final Supplier<List<VersionLookupCustomizer>> customizers;

	StoredVersionLookup(SessionFactoryImplementor sessionFactory, Supplier<List<VersionLookupCustomizer>> customizers) {
		this.sessionFactory = sessionFactory;
		this.customizers = customizers;
	}

	/** The conflict, with the stored version and reason when they can be read. */
	OptimisticConcurrencyException conflict(String entityName, @Nullable Object id, @Nullable Long expected,
			@Nullable Throwable cause) {
		Stored stored = (id != null) ? read(entityName, id) : null;
		int dot = entityName.lastIndexOf('.');
		return new OptimisticConcurrencyException(entityName.substring(dot + 1), id, expected,
				(stored != null) ? stored.version() : null, (stored != null) ? stored.reason() : null, cause);
	}

	/** What is stored for the entity now, or null when that could not be read. */
	@Nullable Stored read(String entityName, Object id) {
		try {
			EntityPersister persister = this.sessionFactory.getMappingMetamodel().getEntityDescriptor(entityName);
			if (!persister.isVersioned()) {
				return null;
			}
			EntityTraits traits = EntityTraits.of(persister.getMappedClass());
			String archive = traits.isArchivable() ? ", e." + traits.archiveAttribute() : "";
			String query = "select version(e)" + archive + " from " + persister.getEntityName() + " e where id(e) = :id";
			try (Session session = this.sessionFactory.withOptions().flushMode(FlushMode.MANUAL).openSession()) {
				session.setDefaultReadOnly(true);
				// archived rows count here: a change to one is a conflict of its own kind, not a deletion
				session.disableFilter(TraitFilters.ACTIVE);
				Transaction transaction = session.beginTransaction();
				try {
					for (VersionLookupCustomizer customizer : this.customizers.get()) {
						session.doWork(customizer::customize);
					}
					List<Object[]> rows = session.createSelectionQuery(query, Object[].class)
						.setParameter("id", id)
						.getResultList();
					return rows.isEmpty() ? new Stored(Reason.DELETED, null) : stored(rows.get(0));
				}
				finally {
					transaction.rollback();
				}
			}
		}
		catch (RuntimeException ex) {
			// the conflict is reported without the stored state rather than hidden behind this failure
			logger.debug("Could not read the stored version of " + entityName + " with id " + id, ex);
			return null;
		}
	}

	private static Stored stored(Object[] row) {
		Long version = (row[0] instanceof Number number) ? number.longValue() : null;
		boolean archived = row.length > 1 && row[1] instanceof ArchiveMarker marker && marker.isArchived();
		return new Stored(archived ? Reason.ARCHIVED : Reason.CHANGED, version);
	}

	/** The stored state of one row: why the write is stale, and the current version while the row exists. */
	record Stored(Reason reason, @Nullable Long version) {
	}

}
