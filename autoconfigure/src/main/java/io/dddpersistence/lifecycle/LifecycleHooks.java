package io.dddpersistence.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.ResolvableType;

/**
 * The hook beans, and for each entity class the ones that apply to it (their type argument is the
 * class, a supertype or an interface of it), in the beans' order. Read on first use, so that hooks
 * may depend on repositories and other beans that need the entity manager factory.
 */
final class LifecycleHooks {

	private final Supplier<List<EntityLifecycleHook<?>>> beans;

	private final Map<Class<?>, List<EntityLifecycleHook<Object>>> byType = new ConcurrentHashMap<>();

	LifecycleHooks(Supplier<List<EntityLifecycleHook<?>>> beans) {
		this.beans = beans;
	}

	/** The hooks of an entity class, in order; empty when none applies. */
	@SuppressWarnings("unchecked")
	List<EntityLifecycleHook<Object>> of(Class<?> entityType) {
		return this.byType.computeIfAbsent(entityType, (type) -> this.beans.get()
			.stream()
			.filter((hook) -> entityTypeOf(hook).isAssignableFrom(type))
			.map((hook) -> (EntityLifecycleHook<Object>) hook)
			.toList());
	}

	static Class<?> entityTypeOf(EntityLifecycleHook<?> hook) {
		Class<?> type = ResolvableType.forClass(AopUtils.getTargetClass(hook))
			.as(EntityLifecycleHook.class)
			.getGeneric(0)
			.resolve();
		return (type != null) ? type : Object.class;
	}

}
