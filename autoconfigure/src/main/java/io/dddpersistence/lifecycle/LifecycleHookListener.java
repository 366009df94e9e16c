package io.dddpersistence.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.dddpersistence.entity.TraitAttributes;
import org.jspecify.annotations.Nullable;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Runs the {@link EntityLifecycleHook}s as Hibernate flushes each entity: the {@code before}
 * methods in the flush, after the library's own listeners (audit, tenant) have set their values,
 * and the {@code after} methods registered with the session for after its transaction commits. An
 * update that marks the archive trait is an archive, one that clears it a restore.
 */
final class LifecycleHookListener implements PreInsertEventListener, PreUpdateEventListener, PreDeleteEventListener {

	private final LifecycleHooks hooks;

	private final HookFailures failures;

	LifecycleHookListener(LifecycleHooks hooks, HookFailures failures) {
		this.hooks = hooks;
		this.failures = failures;
	}

	@Override
	public boolean onPreInsert(PreInsertEvent event) {
		Object entity = event.getEntity();
		List<EntityLifecycleHook<Object>> hooks = this.hooks.of(entity.getClass());
		if (!hooks.isEmpty()) {
			hooks.forEach((hook) -> hook.beforeCreate(entity));
			written(event.getPersister(), entity, event.getState());
			after(event.getSession(), Phase.CREATE, hooks, entity, null);
		}
		return false;
	}

	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		Object entity = event.getEntity();
		List<EntityLifecycleHook<Object>> hooks = this.hooks.of(entity.getClass());
		if (hooks.isEmpty()) {
			return false;
		}
		Phase phase = phaseOf(event, entity);
		PropertyChanges changes = (phase == Phase.UPDATE) ? changes(event, entity) : null;
		for (EntityLifecycleHook<Object> hook : hooks) {
			switch (phase) {
				case ARCHIVE -> hook.beforeArchive(entity);
				case RESTORE -> hook.beforeRestore(entity);
				default -> hook.beforeUpdate(entity, Objects.requireNonNull(changes));
			}
		}
		written(event.getPersister(), entity, event.getState());
		after(event.getSession(), phase, hooks, entity, changes);
		return false;
	}

	@Override
	public boolean onPreDelete(PreDeleteEvent event) {
		Object entity = event.getEntity();
		List<EntityLifecycleHook<Object>> hooks = this.hooks.of(entity.getClass());
		if (!hooks.isEmpty()) {
			hooks.forEach((hook) -> hook.beforeDelete(entity));
			after(event.getSession(), Phase.DELETE, hooks, entity, null);
		}
		return false;
	}

	private void after(SharedSessionContractImplementor session, Phase phase, List<EntityLifecycleHook<Object>> hooks,
			Object entity, @Nullable PropertyChanges changes) {
		session.getTransactionCompletionCallbacks().registerCallback(new AfterCommit(phase, hooks, entity, changes, this.failures));
	}

	// archive and restore are updates of the archive trait; anything else is an update
	private static Phase phaseOf(PreUpdateEvent event, Object entity) {
		String archive = TraitAttributes.archiveAttribute(entity.getClass());
		Object[] old = event.getOldState();
		if (archive == null || old == null) {
			return Phase.UPDATE;
		}
		boolean was = TraitAttributes.isArchivedValue(old[TraitAttributes.stateIndex(event.getPersister(), archive)]);
		boolean is = TraitAttributes.isArchived(entity);
		if (!was && is) {
			return Phase.ARCHIVE;
		}
		return (was && !is) ? Phase.RESTORE : Phase.UPDATE;
	}

	// what the flush found dirty, without the version and the audit the library maintains
	private static PropertyChanges changes(PreUpdateEvent event, Object entity) {
		EntityPersister persister = event.getPersister();
		String[] names = persister.getPropertyNames();
		Object[] state = event.getState();
		Object[] old = event.getOldState();
		int version = persister.isVersioned() ? persister.getVersionPropertyIndex() : -1;
		String auditAttribute = TraitAttributes.auditAttribute(entity.getClass());
		int audit = (auditAttribute != null) ? TraitAttributes.stateIndex(persister, auditAttribute) : -1;
		int[] dirty = (old != null) ? persister.findDirty(state, old, entity, event.getSession()) : all(names.length);
		List<PropertyChanges.Change> changes = new ArrayList<>();
		if (dirty != null) {
			for (int index : dirty) {
				if (index != version && index != audit) {
					changes.add(new PropertyChanges.Change(names[index], (old != null) ? old[index] : null, state[index]));
				}
			}
		}
		return new PropertyChanges(changes);
	}

	private static int[] all(int count) {
		int[] indexes = new int[count];
		for (int i = 0; i < count; i++) {
			indexes[i] = i;
		}
		return indexes;
	}

	/*
	 * What a before method changed goes into the state Hibernate writes, in the same statement. The
	 * version is Hibernate's: the state holds the incremented one, the entity the one it had.
	 */
	private static void written(EntityPersister persister, Object entity, Object[] state) {
		Object[] values = persister.getValues(entity);
		int version = persister.isVersioned() ? persister.getVersionPropertyIndex() : -1;
		for (int i = 0; i < values.length; i++) {
			if (i != version && values[i] != state[i]) {
				state[i] = values[i];
			}
		}
	}

}
