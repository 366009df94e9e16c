package io.dddpersistence.entity;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * The traits one entity class declares, found once by reflection over the class and its
 * superclasses and then cached. Used both while Hibernate builds its mapping (to add filters and
 * indexes) and at run time (to stamp audit columns and archive on delete).
 */
final class EntityTraits {

	private static final Map<Class<?>, EntityTraits> CACHE = new ConcurrentHashMap<>();

	private final Class<?> type;

	private final @Nullable Field archive;

	private final @Nullable Field audit;

	private final List<UniqueAmongActive> uniqueAmongActive;

	private EntityTraits(Class<?> type) {
		this.type = type;
		this.archive = findField(type, ArchiveMarker.class);
		this.audit = findField(type, AuditedTimes.class);
		this.uniqueAmongActive = List.of(type.getAnnotationsByType(UniqueAmongActive.class));
	}

	static EntityTraits of(Class<?> type) {
		return CACHE.computeIfAbsent(type, EntityTraits::new);
	}

	private static @Nullable Field findField(Class<?> type, Class<?> fieldType) {
		List<Field> found = new ArrayList<>();
		ReflectionUtils.doWithFields(type, found::add, (field) -> fieldType.isAssignableFrom(field.getType()));
		if (found.size() > 1) {
			throw new IllegalStateException("Entity " + type.getName() + " declares " + found.size() + " "
					+ fieldType.getSimpleName() + " fields (" + found.stream().map(Field::getName).toList()
					+ "); an entity has at most one of each trait.");
		}
		if (found.isEmpty()) {
			return null;
		}
		Field field = found.get(0);
		ReflectionUtils.makeAccessible(field);
		return field;
	}

	Class<?> type() {
		return this.type;
	}

	boolean isArchivable() {
		return this.archive != null;
	}

	boolean usesArchiveTimestamp() {
		return this.archive != null && ArchiveState.class.isAssignableFrom(this.archive.getType());
	}

	@Nullable String archiveAttribute() {
		return (this.archive != null) ? this.archive.getName() : null;
	}

	/** The attribute of the archive trait that holds its column: the timestamp or the flag. */
	String archiveColumnAttribute() {
		return usesArchiveTimestamp() ? "archivedAt" : "deleted";
	}

	boolean isAudited() {
		return this.audit != null;
	}

	@Nullable String auditAttribute() {
		return (this.audit != null) ? this.audit.getName() : null;
	}

	List<UniqueAmongActive> uniqueAmongActive() {
		return this.uniqueAmongActive;
	}

	/** The entity's archive state, created and set on the entity when the field was left null. */
	ArchiveMarker archiveOf(Object entity) {
		return (ArchiveMarker) valueOf(entity, this.archive);
	}

	/** The entity's audit embeddable, created and set on the entity when the field was left null. */
	AuditedTimes auditOf(Object entity) {
		return (AuditedTimes) valueOf(entity, this.audit);
	}

	private static Object valueOf(Object entity, @Nullable Field field) {
		if (field == null) {
			throw new IllegalStateException("No such trait on " + entity.getClass().getName());
		}
		Object value = ReflectionUtils.getField(field, entity);
		if (value == null) {
			try {
				value = field.getType().getDeclaredConstructor().newInstance();
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot create " + field.getType().getName(), ex);
			}
			ReflectionUtils.setField(field, entity, value);
		}
		return value;
	}

}
