package io.dddpersistence.tenant;

import java.lang.reflect.Field;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

import org.springframework.util.ReflectionUtils;

import io.dddpersistence.entity.TraitAttributes;
import io.dddpersistence.error.CrossTenantAccessException;
import io.dddpersistence.error.MissingTenantException;

/**
 * Fills tenant columns on insert from the current {@link TenantScope} and refuses updates and
 * deletes of rows that belong to another tenant, or any of these with no current tenant. Reads
 * are guarded by the tenant filters instead.
 */
final class TenantEventListener
		implements PreInsertEventListener, PreUpdateEventListener, PreDeleteEventListener, MergeEventListener {

	@Override
	public void onMerge(MergeEvent event) {
		refuseForeignDetached(event);
	}

	@Override
	public void onMerge(MergeEvent event, MergeContext copiedAlready) {
		refuseForeignDetached(event);
	}

	/**
	 * A detached entity of another tenant would otherwise look deleted (the filtered load finds
	 * nothing) and surface as a version conflict; say what it is instead.
	 */
	private static void refuseForeignDetached(MergeEvent event) {
		Object entity = event.getOriginal();
		if (entity == null || entity instanceof org.hibernate.proxy.HibernateProxy) {
			return;
		}
		TenantTraits traits = TenantTraits.of(entity.getClass());
		for (Field field : traits.fields()) {
			Object owner = ReflectionUtils.getField(field, entity);
			if (owner != null && !owner.equals(currentTenant(entity, field))) {
				throw new CrossTenantAccessException(entity.getClass().getSimpleName(), event.getRequestedId(),
						TenantTraits.level(field));
			}
		}
	}


	@Override
	public boolean onPreInsert(PreInsertEvent event) {
		Object entity = event.getEntity();
		TenantTraits traits = TenantTraits.of(entity.getClass());
		for (Field field : traits.fields()) {
			Object current = currentTenant(entity, field);
			Object assigned = ReflectionUtils.getField(field, entity);
			if (assigned != null && !assigned.equals(current)) {
				throw new CrossTenantAccessException(entity.getClass().getSimpleName(), event.getId(),
						TenantTraits.level(field));
			}
			ReflectionUtils.setField(field, entity, current);
			event.getState()[TraitAttributes.stateIndex(event.getPersister(), field.getName())] = current;
		}
		return false;
	}

	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		check(event.getEntity(), event.getId(), event.getPersister(), event.getOldState(), event.getState());
		return false;
	}

	@Override
	public boolean onPreDelete(PreDeleteEvent event) {
		check(event.getEntity(), event.getId(), event.getPersister(), event.getDeletedState(), null);
		return false;
	}

	private static void check(Object entity, Object id, EntityPersister persister, Object @Nullable [] stored,
			Object @Nullable [] written) {
		TenantTraits traits = TenantTraits.of(entity.getClass());
		for (Field field : traits.fields()) {
			Object current = currentTenant(entity, field);
			int index = TraitAttributes.stateIndex(persister, field.getName());
			Object owner = (stored != null) ? stored[index] : ReflectionUtils.getField(field, entity);
			Object target = (written != null) ? written[index] : owner;
			if (!Objects.equals(owner, current) || !Objects.equals(target, current)) {
				throw new CrossTenantAccessException(entity.getClass().getSimpleName(), id, TenantTraits.level(field));
			}
		}
	}

	// as the field holds it: a String, UUID, Long or Integer
	private static Object currentTenant(Object entity, Field field) {
		String level = TenantTraits.level(field);
		String tenant = TenantScope.current(level)
			.orElseThrow(() -> new MissingTenantException(entity.getClass().getSimpleName(), level));
		return TenantTraits.typed(field.getType(), level, tenant);
	}

}
