package io.dddpersistence.owner;

import java.lang.reflect.Field;
import java.util.Objects;

import io.dddpersistence.entity.TraitAttributes;
import io.dddpersistence.error.ForeignOwnerException;

import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;

import org.springframework.util.ReflectionUtils;

/**
 * Fills the owner on insert and refuses writes of another owner's rows: an insert naming another
 * owner, an update or delete of a row that another owner holds (as loaded, before the change), a
 * change of the owner itself, and a merge of another owner's detached copy. Work that sees every row
 * is not restricted. Reads are guarded by the owner filter instead.
 */
final class OwnerEventListener implements PersistEventListener, PreInsertEventListener, PreUpdateEventListener,
		PreDeleteEventListener, MergeEventListener {

	private final OwnerContext context;

	OwnerEventListener(OwnerContext context) {
		this.context = context;
	}

	// at persist, so that a create without an owner, or in another's name, fails where it is made,
	// not at the commit that would insert it
	@Override
	public void onPersist(PersistEvent event) {
		refuseForeignCreate(event.getObject());
	}

	@Override
	public void onPersist(PersistEvent event, PersistContext createdAlready) {
		refuseForeignCreate(event.getObject());
	}

	private void refuseForeignCreate(Object object) {
		if (object == null || object instanceof org.hibernate.proxy.HibernateProxy) {
			return;
		}
		Field field = OwnerTraits.fieldOf(object.getClass());
		if (field == null || this.context.unrestricted()) {
			return;
		}
		String owner = this.context.requireOwner();
		Object assigned = ReflectionUtils.getField(field, object);
		if (assigned != null && !assigned.equals(owner)) {
			throw new ForeignOwnerException(object.getClass().getSimpleName(), null);
		}
	}

	@Override
	public boolean onPreInsert(PreInsertEvent event) {
		Object entity = event.getEntity();
		Field field = OwnerTraits.fieldOf(entity.getClass());
		if (field == null) {
			return false;
		}
		Object assigned = ReflectionUtils.getField(field, entity);
		String owner;
		if (this.context.unrestricted()) {
			owner = (assigned != null) ? (String) assigned : this.context.requireOwner();
		}
		else {
			owner = this.context.requireOwner();
			if (assigned != null && !assigned.equals(owner)) {
				throw new ForeignOwnerException(entity.getClass().getSimpleName(), event.getId());
			}
		}
		ReflectionUtils.setField(field, entity, owner);
		event.getState()[TraitAttributes.stateIndex(event.getPersister(), field.getName())] = owner;
		return false;
	}

	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		Field field = OwnerTraits.fieldOf(event.getEntity().getClass());
		if (field == null || this.context.unrestricted()) {
			return false;
		}
		String owner = this.context.requireOwner();
		int index = TraitAttributes.stateIndex(event.getPersister(), field.getName());
		Object before = (event.getOldState() != null) ? event.getOldState()[index] : null;
		Object after = event.getState()[index];
		if (!owner.equals(after) || (event.getOldState() != null && !Objects.equals(owner, before))) {
			throw new ForeignOwnerException(event.getEntity().getClass().getSimpleName(), event.getId());
		}
		return false;
	}

	@Override
	public boolean onPreDelete(PreDeleteEvent event) {
		Field field = OwnerTraits.fieldOf(event.getEntity().getClass());
		if (field == null || this.context.unrestricted()) {
			return false;
		}
		Object held = event.getDeletedState()[TraitAttributes.stateIndex(event.getPersister(), field.getName())];
		if (!this.context.requireOwner().equals(held)) {
			throw new ForeignOwnerException(event.getEntity().getClass().getSimpleName(), event.getId());
		}
		return false;
	}

	@Override
	public void onMerge(MergeEvent event) {
		refuseForeignDetached(event);
	}

	@Override
	public void onMerge(MergeEvent event, MergeContext copiedAlready) {
		refuseForeignDetached(event);
	}

	// a detached copy of another owner's row would otherwise look deleted (the filtered load finds nothing)
	private void refuseForeignDetached(MergeEvent event) {
		Object entity = event.getOriginal();
		if (entity == null || entity instanceof org.hibernate.proxy.HibernateProxy) {
			return;
		}
		Field field = OwnerTraits.fieldOf(entity.getClass());
		if (field == null || this.context.unrestricted()) {
			return;
		}
		Object owner = ReflectionUtils.getField(field, entity);
		if (owner != null && !owner.equals(this.context.requireOwner())) {
			throw new ForeignOwnerException(entity.getClass().getSimpleName(), event.getRequestedId());
		}
	}

}
