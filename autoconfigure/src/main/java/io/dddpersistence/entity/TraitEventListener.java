package io.dddpersistence.entity;

import java.util.Objects;
import java.util.function.Supplier;

import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

import io.dddpersistence.error.ArchivedEntityException;

/**
 * Stamps audit columns on insert and update, and refuses changes to archived rows. Works on the
 * state Hibernate is about to write, so the stamps are part of the same statement.
 */
final class TraitEventListener implements PreInsertEventListener, PreUpdateEventListener {

	private final Supplier<AuditSource> source;

	TraitEventListener(Supplier<AuditSource> source) {
		this.source = source;
	}

	@Override
	public boolean onPreInsert(PreInsertEvent event) {
		Object entity = event.getEntity();
		EntityTraits traits = EntityTraits.of(entity.getClass());
		if (traits.isAudited()) {
			AuditedTimes audit = traits.auditOf(entity);
			audit.stampCreated(this.source.get().now());
			if (audit instanceof AuditTrail trail) {
				trail.stampCreatedBy(this.source.get().currentActor());
			}
			sync(event.getPersister(), event.getState(), Objects.requireNonNull(traits.auditAttribute()), audit);
		}
		return false;
	}

	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		Object entity = event.getEntity();
		StaleVersionFlushListener.rememberVersionBeforeUpdate(event.getPersister(), event.getId(), entity);
		EntityTraits traits = EntityTraits.of(entity.getClass());
		if (traits.isArchivable()) {
			refuseChangeOfArchived(event, traits, entity);
		}
		if (traits.isAudited()) {
			AuditedTimes audit = traits.auditOf(entity);
			audit.stampUpdated(this.source.get().now());
			if (audit instanceof AuditTrail trail) {
				trail.stampUpdatedBy(this.source.get().currentActor());
			}
			sync(event.getPersister(), event.getState(), Objects.requireNonNull(traits.auditAttribute()), audit);
		}
		return false;
	}

	private void refuseChangeOfArchived(PreUpdateEvent event, EntityTraits traits, Object entity) {
		Object[] old = event.getOldState();
		if (old == null) {
			return;
		}
		int index = TraitAttributes.stateIndex(event.getPersister(), Objects.requireNonNull(traits.archiveAttribute()));
		boolean wasArchived = old[index] instanceof ArchiveMarker marker && marker.isArchived();
		if (wasArchived && traits.archiveOf(entity).isArchived()) {
			throw new ArchivedEntityException(entity.getClass().getSimpleName(), event.getId());
		}
	}

	private static void sync(EntityPersister persister, Object[] state, String attribute, Object value) {
		state[TraitAttributes.stateIndex(persister, attribute)] = value;
	}

}
