package io.dddpersistence.owner;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/** The {@link OwnerColumn} field of an entity class, if it has one, found once per class. */
final class OwnerTraits {

	static final String FILTER = "ddd_owner";

	private static final Map<Class<?>, Optional<Field>> FIELDS = new ConcurrentHashMap<>();

	private OwnerTraits() {
	}

	static @Nullable Field fieldOf(Class<?> type) {
		return FIELDS.computeIfAbsent(type, OwnerTraits::find).orElse(null);
	}

	private static Optional<Field> find(Class<?> type) {
		Field[] found = new Field[1];
		ReflectionUtils.doWithFields(type, (field) -> {
			if (found[0] != null) {
				throw new IllegalStateException(type.getName() + " declares two @OwnerColumn fields, " + found[0].getName()
						+ " and " + field.getName() + ": an entity has one owner");
			}
			if (field.getType() != String.class) {
				throw new IllegalStateException(type.getName() + "." + field.getName()
						+ " is an @OwnerColumn of type " + field.getType().getSimpleName()
						+ ": the owner is the current actor's name, a String");
			}
			ReflectionUtils.makeAccessible(field);
			found[0] = field;
		}, (field) -> field.isAnnotationPresent(OwnerColumn.class));
		return Optional.ofNullable(found[0]);
	}

}
