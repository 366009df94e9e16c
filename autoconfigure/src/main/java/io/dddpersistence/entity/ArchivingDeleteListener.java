package io.dddpersistence.entity;

import java.util.function.Supplier;
import java.util.List;

import org.hibernate.Hibernate;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;

/**
 * Turns the deletion of an archivable entity (through {@code EntityManager.remove}, a Spring Data
 * {@code delete}, or a cascade) into archiving it; every other entity is deleted by Hibernate's
 * own listeners. Archiving an archived entity again changes nothing. {@link Archiving#purge}
 * is the way to really delete: its remove passes through to Hibernate's listeners.
 */
final class ArchivingDeleteListener implements DeleteEventListener {

	// set while Archiving.purge removes an entity: that delete is a real one
	private static final ThreadLocal<Boolean> PURGING = new ThreadLocal<>();

	private final List<DeleteEventListener> delegates;

	private final Supplier<AuditSource> source;

	ArchivingDeleteListener(List<DeleteEventListener> delegates, Supplier<AuditSource> source) {
		this.delegates = List.copyOf(delegates);
		this.source = source;
	}

	@Override
	public void onDelete(DeleteEvent event) {
		if (!archiveInstead(event)) {
			for (DeleteEventListener delegate : this.delegates) {
				delegate.onDelete(event);
			}
		}
	}

	@Override
	public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
		if (!archiveInstead(event)) {
			for (DeleteEventListener delegate : this.delegates) {
				delegate.onDelete(event, transientEntities);
			}
		}
	}

	/** Runs {@code removal} as a real delete, not turned into archiving. */
	static void purging(Runnable removal) {
		Boolean outer = PURGING.get();
		PURGING.set(Boolean.TRUE);
		try {
			removal.run();
		}
		finally {
			if (outer == null) {
				PURGING.remove();
			}
		}
	}

	private boolean archiveInstead(DeleteEvent event) {
		if (PURGING.get() != null) {
			return false;
		}
		Object entity = Hibernate.unproxy(event.getObject());
		if (entity == null) {
			return false;
		}
		EntityTraits traits = EntityTraits.of(entity.getClass());
		if (!traits.isArchivable()) {
			return false;
		}
		Object managed = event.getSession().contains(entity) ? entity : event.getSession().merge(entity);
		ArchiveMarker marker = traits.archiveOf(managed);
		if (!marker.isArchived()) {
			marker.markArchived(this.source.get().now(), this.source.get().currentActor());
		}
		return true;
	}

}
