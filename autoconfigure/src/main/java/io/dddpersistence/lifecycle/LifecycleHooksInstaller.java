package io.dddpersistence.lifecycle;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.dddpersistence.entity.TraitAttributes;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PreRemove;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Appends the {@link LifecycleHookListener} to each entity manager factory once every singleton
 * exists: after the library's own listeners (audit, tenant, archive), which their post-processors
 * install as the factories are created, so that a hook sees their values. Refuses, naming it, an
 * archivable entity that declares JPA's {@code @PreRemove} or {@code @PostRemove}: a delete archives
 * such an entity, so those callbacks would silently never run.
 */
final class LifecycleHooksInstaller implements SmartInitializingSingleton {

	private final ObjectProvider<EntityManagerFactory> factories;

	private final LifecycleHooks hooks;

	private final HookFailures failures;

	LifecycleHooksInstaller(ObjectProvider<EntityManagerFactory> factories, LifecycleHooks hooks, HookFailures failures) {
		this.factories = factories;
		this.hooks = hooks;
		this.failures = failures;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.factories.orderedStream().forEach(this::install);
	}

	private void install(EntityManagerFactory factory) {
		SessionFactoryImplementor sessionFactory = factory.unwrap(SessionFactoryImplementor.class);
		refuseRemoveCallbacksOnArchivable(sessionFactory);
		EventListenerRegistry registry = sessionFactory.getEventListenerRegistry();
		for (Object listener : registry.getEventListenerGroup(EventType.PRE_INSERT).listeners()) {
			if (listener instanceof LifecycleHookListener) {
				return; // installed already: the same factory shared by two contexts
			}
		}
		LifecycleHookListener listener = new LifecycleHookListener(this.hooks, this.failures);
		registry.appendListeners(EventType.PRE_INSERT, listener);
		registry.appendListeners(EventType.PRE_UPDATE, listener);
		registry.appendListeners(EventType.PRE_DELETE, listener);
	}

	private static void refuseRemoveCallbacksOnArchivable(SessionFactoryImplementor sessionFactory) {
		List<String> found = new ArrayList<>();
		sessionFactory.getMappingMetamodel().forEachEntityDescriptor((persister) -> {
			Class<?> type = persister.getMappedClass();
			if (type != null && TraitAttributes.archiveAttribute(type) != null) {
				removeCallbacks(type, type, found);
				EntityListeners listeners = AnnotatedElementUtils.findMergedAnnotation(type, EntityListeners.class);
				if (listeners != null) {
					for (Class<?> listener : listeners.value()) {
						removeCallbacks(type, listener, found);
					}
				}
			}
		});
		if (!found.isEmpty()) {
			throw new IllegalStateException("Archivable entities declare JPA remove callbacks, which never run: a "
					+ "delete archives these entities instead of removing them.\n  " + String.join("\n  ", found)
					+ "\nMove the code into an EntityLifecycleHook bean for the entity: beforeArchive/afterArchive "
					+ "for a delete, beforeDelete/afterDelete for a purge. See docs/lifecycle-hooks.md.");
		}
	}

	private static void removeCallbacks(Class<?> entity, Class<?> declaring, List<String> found) {
		ReflectionUtils.doWithMethods(declaring, (Method method) -> found.add(entity.getName() + ": "
				+ method.getDeclaringClass().getSimpleName() + "." + method.getName() + " ("
				+ (method.isAnnotationPresent(PreRemove.class) ? "@PreRemove" : "@PostRemove") + ")"),
				(Method method) -> method.isAnnotationPresent(PreRemove.class)
						|| method.isAnnotationPresent(PostRemove.class));
	}

}
