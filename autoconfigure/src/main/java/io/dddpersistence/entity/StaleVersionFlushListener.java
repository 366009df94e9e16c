package io.dddpersistence.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.hibernate.StaleObjectStateException;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.EntityKey;
import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.persister.entity.EntityPersister;

import io.dddpersistence.error.OptimisticConcurrencyException;

/**
 * Wraps Hibernate's flush listeners so that a stale version found while flushing (explicitly, before
 * a query, or at commit) is reported with the version the change was based on, read from the
 * session while it is still open, and with what is stored now, read by the
 * {@link StoredVersionLookup}. Hibernate itself reports only the entity name and id.
 */
final class StaleVersionFlushListener implements FlushEventListener, AutoFlushEventListener {

	/**
	 * Versions the entities had before this flush updated them, per thread and only while a flush
	 * runs: with JDBC batching Hibernate advances an entity's version before the batch that finds
	 * the conflict executes, so the session no longer knows the version the change was based on.
	 */
	private static final ThreadLocal<Map<String, Long>> VERSIONS_BEFORE_FLUSH = new ThreadLocal<>();

	private final List<FlushEventListener> flushes;

	private final List<AutoFlushEventListener> autoFlushes;

	private final StoredVersionLookup lookup;

	StaleVersionFlushListener(List<FlushEventListener> flushes, List<AutoFlushEventListener> autoFlushes,
			StoredVersionLookup lookup) {
		this.flushes = List.copyOf(flushes);
		this.autoFlushes = List.copyOf(autoFlushes);
		this.lookup = lookup;
	}

	@Override
	public void onFlush(FlushEvent event) {
		boolean outermost = VERSIONS_BEFORE_FLUSH.get() == null;
		if (outermost) {
			VERSIONS_BEFORE_FLUSH.set(new HashMap<>());
		}
		try {
			for (FlushEventListener delegate : this.flushes) {
				delegate.onFlush(event);
			}
		}
		catch (StaleObjectStateException ex) {
			throw conflict(event.getSession(), ex);
		}
		finally {
			if (outermost) {
				VERSIONS_BEFORE_FLUSH.remove();
			}
		}
	}

	@Override
	public void onAutoFlush(AutoFlushEvent event) {
		boolean outermost = VERSIONS_BEFORE_FLUSH.get() == null;
		if (outermost) {
			VERSIONS_BEFORE_FLUSH.set(new HashMap<>());
		}
		try {
			for (AutoFlushEventListener delegate : this.autoFlushes) {
				delegate.onAutoFlush(event);
			}
		}
		catch (StaleObjectStateException ex) {
			throw conflict(event.getSession(), ex);
		}
		finally {
			if (outermost) {
				VERSIONS_BEFORE_FLUSH.remove();
			}
		}
	}

	/** Called before an update is written, while its entity still has the version it was loaded with. */
	static void rememberVersionBeforeUpdate(EntityPersister persister, Object id, Object entity) {
		Map<String, Long> versions = VERSIONS_BEFORE_FLUSH.get();
		if (versions != null && persister.isVersioned()
				&& persister.getVersion(entity) instanceof Number version) {
			versions.putIfAbsent(key(persister.getEntityName(), id), version.longValue());
		}
	}

	private static String key(String entityName, Object id) {
		return entityName + "#" + id;
	}

	private OptimisticConcurrencyException conflict(EventSource session, StaleObjectStateException ex) {
		String entityName = ex.getEntityName();
		Object id = ex.getIdentifier();
		Map<String, Long> versions = VERSIONS_BEFORE_FLUSH.get();
		Long expected = (versions != null && id != null) ? versions.get(key(entityName, id)) : null;
		if (expected == null) {
			expected = versionInSession(session, entityName, id);
		}
		return this.lookup.conflict(entityName, id, expected, ex);
	}

	private static @Nullable Long versionInSession(EventSource session, String entityName, @Nullable Object id) {
		if (id == null) {
			return null;
		}
		try {
			EntityPersister persister = session.getEntityPersister(entityName, null);
			EntityKey key = session.generateEntityKey(id, persister);
			Object entity = session.getPersistenceContextInternal().getEntity(key);
			EntityEntry entry = (entity != null) ? session.getPersistenceContextInternal().getEntry(entity) : null;
			Object version = (entry != null) ? entry.getVersion() : null;
			return (version instanceof Number number) ? number.longValue() : null;
		}
		catch (RuntimeException lookupFailed) {
			return null;
		}
	}

}
