package io.dddpersistence.entity;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.hibernate.Hibernate;
import org.hibernate.StaleObjectStateException;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.persister.entity.EntityPersister;

import io.dddpersistence.error.OptimisticConcurrencyException;

/**
 * Wraps Hibernate's merge listeners so that a stale detached entity (a save of a copy whose version
 * is behind the row's, or whose row is gone) is reported with the version it carries and with
 * what is stored now, read by the {@link StoredVersionLookup}. Hibernate itself reports only the
 * entity name and id. Cascaded merges pass through here too, so the stale entity is the event's.
 */
final class StaleVersionMergeListener implements MergeEventListener {

	private final List<MergeEventListener> merges;

	private final StoredVersionLookup lookup;

	StaleVersionMergeListener(List<MergeEventListener> merges, StoredVersionLookup lookup) {
		this.merges = List.copyOf(merges);
		this.lookup = lookup;
	}

	@Override
	public void onMerge(MergeEvent event) {
		try {
			for (MergeEventListener delegate : this.merges) {
				delegate.onMerge(event);
			}
		}
		catch (StaleObjectStateException ex) {
			throw conflict(event, ex);
		}
	}

	@Override
	public void onMerge(MergeEvent event, MergeContext copiedAlready) {
		try {
			for (MergeEventListener delegate : this.merges) {
				delegate.onMerge(event, copiedAlready);
			}
		}
		catch (StaleObjectStateException ex) {
			throw conflict(event, ex);
		}
	}

	private OptimisticConcurrencyException conflict(MergeEvent event, StaleObjectStateException ex) {
		return this.lookup.conflict(ex.getEntityName(), ex.getIdentifier(), versionMerged(event, ex), ex);
	}

	/** The version of the detached copy being merged, when it is the stale entity. */
	private static @Nullable Long versionMerged(MergeEvent event, StaleObjectStateException ex) {
		Object original = event.getOriginal();
		if (original == null) {
			return null;
		}
		try {
			Object entity = Hibernate.unproxy(original);
			EntityPersister persister = event.getSession().getEntityPersister(ex.getEntityName(), entity);
			if (!persister.isVersioned() || !persister.getMappedClass().isInstance(entity)) {
				return null;
			}
			return (persister.getVersion(entity) instanceof Number version) ? version.longValue() : null;
		}
		catch (RuntimeException notTheStaleEntity) {
			return null;
		}
	}

}
