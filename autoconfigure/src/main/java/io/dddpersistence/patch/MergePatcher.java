package io.dddpersistence.patch;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.error.QuotedInput;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;

/**
 * Applies JSON Merge Patches (RFC 7396) onto entities through a writable-field whitelist, so that a
 * client can change what the whitelist lets it change and nothing else (no mass assignment):
 * <ul>
 * <li>each member of the patch sets the property of that name; {@code null} removes it (sets it
 * null); an object merges into an embedded value object member by member, by the same rules;
 * arrays and other values replace;</li>
 * <li>every name and value is checked, and converted, before anything is set: an unknown or
 * not-writable name, or a value that does not convert, is an {@link InvalidPatchException} naming
 * it, with the entity untouched;</li>
 * <li>{@link #patch} loads the entity in a transaction, checks the version the client based its
 * patch on, merges, runs Bean Validation on the result ({@link PatchValidationException}) and
 * flushes: a refused patch writes nothing.</li>
 * </ul>
 */
public class MergePatcher {

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final PatchValidation validation;

	/**
	 * @param entityManager a shared entity manager (transaction-bound)
	 * @param validator a {@code jakarta.validation.Validator}, or null to skip Bean Validation
	 */
	public MergePatcher(EntityManager entityManager, PlatformTransactionManager transactionManager, JsonMapper json,
			@Nullable Object validator) {
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.json = json;
		this.validation = PatchValidation.of(validator);
	}

	/** Patches the entity of that id through its own {@link Writable} whitelist. */
	public <T> T patch(Class<T> type, Object id, @Nullable Long expectedVersion, JsonNode patch) {
		return patch(type, id, expectedVersion, patch, PatchFields.declared(type));
	}

	/**
	 * Patches the entity of that id: loads it, checks that it is at {@code expectedVersion} (required
	 * for a versioned entity), merges the patch through {@code writable}, validates and flushes, in
	 * the caller's transaction or one of its own; returns the patched entity.
	 */
	public <T> T patch(Class<T> type, Object id, @Nullable Long expectedVersion, JsonNode patch,
			Collection<String> writable) {
		requireObject(type, patch);
		T patched = this.transactions.execute((status) -> {
			T entity = this.entityManager.find(type, id);
			if (entity == null) {
				throw new PatchTargetNotFoundException(type.getSimpleName(), id);
			}
			checkVersion(type, id, entity, expectedVersion);
			merge(entity, patch, writable);
			this.validation.validate(entity);
			this.entityManager.flush();
			return entity;
		});
		return Objects.requireNonNull(patched);
	}

	/**
	 * Merges the patch onto {@code target} in place through {@code writable}, checking and converting
	 * every member first: a refused patch leaves the target as it was. No validation, no flush.
	 */
	public <T> T merge(T target, JsonNode patch, Collection<String> writable) {
		Class<?> type = target.getClass();
		requireObject(type, patch);
		List<Runnable> assignments = new ArrayList<>();
		plan(type, type.getSimpleName(), "", target, patch, Set.copyOf(writable), assignments);
		assignments.forEach(Runnable::run);
		return target;
	}

	/** Creates an object of a type from a whole JSON object through the whitelist (a create). */
	public <T> T create(Class<T> type, JsonNode body, Collection<String> writable) {
		requireObject(type, body);
		T created = instantiate(type, type.getSimpleName(), "");
		merge(created, body, writable);
		this.validation.validate(created);
		return created;
	}

	// checks and converts every member of one object level, and records the assignments to make
	private void plan(Class<?> entity, String entityName, String prefix, Object target, JsonNode patch,
			@Nullable Set<String> whitelist, List<Runnable> assignments) {
		List<Map.Entry<String, JsonNode>> members = new ArrayList<>(patch.properties());
		members.sort(Comparator.comparing(Map.Entry::getKey));
		for (Map.Entry<String, JsonNode> member : members) {
			// a client's name, bounded wherever it is quoted
			String path = QuotedInput.of(prefix + member.getKey());
			Field field = PatchFields.field(target.getClass(), member.getKey());
			if (field == null) {
				throw new InvalidPatchException("unknown-field", entityName + " has no field '" + path + "'", "entity",
						entityName, "field", path);
			}
			String refusal = PatchFields.refusal((prefix.isEmpty()) ? entity : null, field, whitelist);
			if (refusal != null) {
				throw new InvalidPatchException("field-not-writable", "Field '" + path + "' of " + entityName
						+ " cannot be written by a patch (" + refusal + ")", "entity", entityName, "field", path,
						"reason", refusal, "writable", (whitelist != null) ? whitelist.stream().sorted().toList() : null);
			}
			ReflectionUtils.makeAccessible(field);
			JsonNode value = member.getValue();
			if (value.isNull()) {
				if (field.getType().isPrimitive()) {
					throw invalidValue(entityName, path, field, value);
				}
				assignments.add(() -> ReflectionUtils.setField(field, target, null));
			}
			else if (value.isObject() && PatchFields.embedded(field) && field.getType().isRecord()) {
				// a record value object is immutable: the merged one is a new record
				Object merged = mergedRecord(field.getType(), ReflectionUtils.getField(field, target), value, entityName,
						path + ".");
				assignments.add(() -> ReflectionUtils.setField(field, target, merged));
			}
			else if (value.isObject() && PatchFields.embedded(field)) {
				Object current = ReflectionUtils.getField(field, target);
				Object merged = (current != null) ? current : instantiate(field.getType(), entityName, path);
				plan(entity, entityName, path + ".", merged, value, null, assignments);
				if (current == null) {
					assignments.add(() -> ReflectionUtils.setField(field, target, merged));
				}
			}
			else {
				Object converted = convert(entityName, path, field, value);
				assignments.add(() -> ReflectionUtils.setField(field, target, converted));
			}
		}
	}

	// the record's components as they are, with the patch's members merged in by the same rules
	private Object mergedRecord(Class<?> type, @Nullable Object current, JsonNode patch, String entityName,
			String prefix) {
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			values[i] = (current != null) ? ReflectionUtils.invokeMethod(components[i].getAccessor(), current)
					: defaultOf(components[i].getType());
		}
		for (Map.Entry<String, JsonNode> member : patch.properties()) {
			String path = QuotedInput.of(prefix + member.getKey());
			int index = -1;
			for (int i = 0; i < components.length; i++) {
				if (components[i].getName().equals(member.getKey())) {
					index = i;
				}
			}
			if (index < 0) {
				throw new InvalidPatchException("unknown-field", entityName + " has no field '" + path + "'", "entity",
						entityName, "field", path);
			}
			Field field = PatchFields.field(type, member.getKey());
			if (field == null || field.isAnnotationPresent(io.dddpersistence.specification.Sensitive.class)) {
				throw new InvalidPatchException("field-not-writable", "Field '" + path + "' of " + entityName
						+ " cannot be written by a patch (sensitive)", "entity", entityName, "field", path, "reason",
						"sensitive");
			}
			JsonNode value = member.getValue();
			if (value.isNull()) {
				if (components[index].getType().isPrimitive()) {
					throw invalidValue(entityName, path, field, value);
				}
				values[index] = null;
			}
			else if (value.isObject() && components[index].getType().isRecord()) {
				values[index] = mergedRecord(components[index].getType(), values[index], value, entityName, path + ".");
			}
			else {
				values[index] = convert(entityName, path, field, value);
			}
		}
		try {
			Constructor<?> canonical = type.getDeclaredConstructor(
					java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
			ReflectionUtils.makeAccessible(canonical);
			return canonical.newInstance(values);
		}
		catch (java.lang.reflect.InvocationTargetException ex) {
			// the record's own checks refused the merged value
			Throwable cause = ex.getCause();
			throw new InvalidPatchException("invalid-value", "The merged " + QuotedInput.of(prefix) + " of " + entityName
					+ " is refused: " + QuotedInput.of((cause != null) ? cause.getMessage() : null), "entity", entityName,
					"field",
					QuotedInput.of(prefix.substring(0, Math.max(0, prefix.length() - 1))));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not create " + type.getName() + " from a patch", ex);
		}
	}

	private static @Nullable Object defaultOf(Class<?> type) {
		if (!type.isPrimitive()) {
			return null;
		}
		if (type == boolean.class) {
			return false;
		}
		if (type == char.class) {
			return '\0';
		}
		return (type == long.class) ? 0L : (type == double.class) ? 0.0 : (type == float.class) ? 0.0f
				: (type == short.class) ? (short) 0 : (type == byte.class) ? (byte) 0 : 0;
	}

	private @Nullable Object convert(String entityName, String path, Field field, JsonNode value) {
		if (PatchFields.embedded(field)) {
			// a value object takes an object (merged) or null (removed), nothing else
			throw invalidValue(entityName, path, field, value);
		}
		if (!kindMatches(field.getType(), value)) {
			// no coercion: a number is not a title, a string is not a count
			throw invalidValue(entityName, path, field, value);
		}
		JavaType type = this.json.getTypeFactory().constructType(field.getGenericType());
		Object converted;
		try {
			converted = this.json.treeToValue(value, type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw invalidValue(entityName, path, field, value);
		}
		if (converted == null && field.getType().isPrimitive()) {
			throw invalidValue(entityName, path, field, value);
		}
		checkText(entityName, path, field, converted);
		return converted;
	}

	// the JSON kind a field's type takes: text for text and enums, numbers for numbers, true/false for
	// flags, arrays for collections; other types (UUID, dates, times) as Jackson reads them
	private static boolean kindMatches(Class<?> type, JsonNode value) {
		if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
			return value.isString();
		}
		if (type == boolean.class || type == Boolean.class) {
			return value.isBoolean();
		}
		if ((type.isPrimitive() && type != void.class) || Number.class.isAssignableFrom(type)) {
			if (type == long.class || type == int.class || type == short.class || type == byte.class
					|| type == Long.class || type == Integer.class || type == Short.class || type == Byte.class
					|| type == java.math.BigInteger.class) {
				return value.isIntegralNumber();
			}
			return value.isNumber();
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return value.isArray();
		}
		return true;
	}

	// what the database would refuse at flush (a 500 there) is refused here, by name
	private static void checkText(String entityName, String path, Field field, @Nullable Object value) {
		Collection<?> values = (value instanceof Collection<?> collection) ? collection
				: (value != null) ? List.of(value) : List.of();
		int length = PatchFields.maxLength(field);
		for (Object element : values) {
			if (element instanceof String text) {
				if (text.indexOf('\u0000') >= 0) {
					throw new InvalidPatchException("invalid-value", "Field '" + path + "' of " + entityName
							+ " takes text without NUL characters", "entity", entityName, "field", path, "expected",
							"text without NUL characters");
				}
				if (length > 0 && text.length() > length) {
					throw new InvalidPatchException("invalid-value", "Field '" + path + "' of " + entityName
							+ " takes at most " + length + " characters, not " + text.length(), "entity", entityName,
							"field", path, "expected", "at most " + length + " characters");
				}
			}
		}
	}

	private static InvalidPatchException invalidValue(String entityName, String path, Field field, JsonNode value) {
		String shown = QuotedInput.of(value.toString());
		return new InvalidPatchException("invalid-value", "Field '" + path + "' of " + entityName + " takes a "
				+ field.getType().getSimpleName() + ", not " + shown, "entity", entityName, "field", path, "expected",
				field.getType().getSimpleName());
	}

	private static <T> T instantiate(Class<T> type, String entityName, String path) {
		try {
			Constructor<T> constructor = ReflectionUtils.accessibleConstructor(type);
			return constructor.newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(type.getName() + " (" + entityName + (path.isEmpty() ? "" : "." + path)
					+ ") needs a no-argument constructor to be created from a patch", ex);
		}
	}

	private static void requireObject(Class<?> type, @Nullable JsonNode patch) {
		if (patch == null || !patch.isObject()) {
			throw new InvalidPatchException("malformed-patch", "A merge patch of " + type.getSimpleName()
					+ " is a JSON object", "entity", type.getSimpleName());
		}
	}

	private static void checkVersion(Class<?> type, Object id, Object entity, @Nullable Long expected) {
		Field version = versionField(type);
		if (version == null) {
			return;
		}
		if (expected == null) {
			throw new MissingVersionException(type.getSimpleName());
		}
		ReflectionUtils.makeAccessible(version);
		Object actual = ReflectionUtils.getField(version, entity);
		Long current = (actual instanceof Number number) ? number.longValue() : null;
		if (!expected.equals(current)) {
			throw new OptimisticConcurrencyException(type.getSimpleName(), id, expected, current,
					OptimisticConcurrencyException.Reason.CHANGED, null);
		}
	}

	private static @Nullable Field versionField(Class<?> type) {
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (field.isAnnotationPresent(Version.class)) {
					return field;
				}
			}
		}
		return null;
	}

}
