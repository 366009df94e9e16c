package io.dddpersistence.tenant;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.dddpersistence.error.MalformedTenantException;

import org.springframework.util.ReflectionUtils;

/** The tenant columns one entity class declares, found once by reflection and cached. */
final class TenantTraits {

	private static final Map<Class<?>, TenantTraits> CACHE = new ConcurrentHashMap<>();

	// the types a tenant column may have, and the SQL type a row-level security policy casts the
	// connection's setting to (none for text)
	private static final Map<Class<?>, String> SQL_TYPES = Map.of(String.class, "", UUID.class, "uuid", Long.class,
			"bigint", Integer.class, "integer");

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final List<Field> fields;

	private TenantTraits(Class<?> type) {
		List<Field> found = new ArrayList<>();
		ReflectionUtils.doWithFields(type, found::add, (field) -> field.isAnnotationPresent(TenantColumn.class));
		for (Field field : found) {
			if (!SQL_TYPES.containsKey(field.getType())) {
				throw new IllegalStateException("Entity " + type.getName() + " declares @TenantColumn on field '"
						+ field.getName() + "' of type " + field.getType().getSimpleName()
						+ "; tenant columns hold tenant ids as String, UUID, Long or Integer.");
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

	/**
	 * The current tenant of a level as the tenant columns of that level hold it.
	 * @throws MalformedTenantException if it is not a valid value of {@code type}
	 */
	static Object typed(Class<?> type, String level, String tenant) {
		if (type == String.class) {
			return tenant;
		}
		try {
			if (type == UUID.class) {
				// UUID.fromString also takes forms such as "1-1-1-1-1": only the canonical text is a tenant id
				if (!UUID_TEXT.matcher(tenant).matches()) {
					throw new IllegalArgumentException(tenant);
				}
				return UUID.fromString(tenant);
			}
			if (type == Long.class) {
				return Long.valueOf(tenant);
			}
			return Integer.valueOf(tenant);
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedTenantException(level, type.getSimpleName());
		}
	}

	/**
	 * The expression a row-level security policy compares a tenant column of {@code type} with: the
	 * connection's setting, cast where the column is not text (an empty setting, no tenant, matches
	 * no row).
	 */
	static String settingExpression(Class<?> type, String level) {
		String setting = "current_setting('" + settingName(level) + "', true)";
		String sqlType = SQL_TYPES.get(type);
		return (sqlType == null || sqlType.isEmpty()) ? setting : "cast(nullif(" + setting + ", '') as " + sqlType + ")";
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
