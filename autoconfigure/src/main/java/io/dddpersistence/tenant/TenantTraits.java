package io.dddpersistence.tenant;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.ReflectionUtils;

/** The tenant columns one entity class declares, found once by reflection and cached. */
final class TenantTraits {

	private static final Map<Class<?>, TenantTraits> CACHE = new ConcurrentHashMap<>();

	private final List<Field> fields;

	private TenantTraits(Class<?> type) {
		List<Field> found = new ArrayList<>();
		ReflectionUtils.doWithFields(type, found::add, (field) -> field.isAnnotationPresent(TenantColumn.class));
		for (Field field : found) {
			if (field.getType() != String.class) {
				throw new IllegalStateException("Entity " + type.getName() + " declares @TenantColumn on field '"
						+ field.getName() + "' of type " + field.getType().getSimpleName()
						+ "; tenant columns hold tenant ids as String.");
			}
			ReflectionUtils.makeAccessible(field);
		}
		long levels = found.stream().map(TenantTraits::level).distinct().count();
		if (levels != found.size()) {
			throw new IllegalStateException("Entity " + type.getName()
					+ " declares two @TenantColumn fields of the same level; give each a level of its own.");
		}
		this.fields = List.copyOf(found);
	}

	static TenantTraits of(Class<?> type) {
		return CACHE.computeIfAbsent(type, TenantTraits::new);
	}

	boolean isTenantScoped() {
		return !this.fields.isEmpty();
	}

	List<Field> fields() {
		return this.fields;
	}

	static String level(Field field) {
		return field.getAnnotation(TenantColumn.class).level();
	}

	static String filterName(String level) {
		return "ddd_tenant_" + level;
	}

	static String settingName(String level) {
		return "ddd.tenant_" + level;
	}

}
