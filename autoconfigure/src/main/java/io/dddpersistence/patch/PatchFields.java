package io.dddpersistence.patch;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Set;

import io.dddpersistence.entity.TraitAttributes;
import io.dddpersistence.specification.Sensitive;
import io.dddpersistence.tenant.TenantColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Which properties of an entity (or of an embedded value inside it) a patch may write, and why
 * not. The whitelist is the endpoint's or the entity's {@link Writable}; the key, the version, the
 * tenant, the audit and archive traits, associations and {@link Sensitive} fields are refused
 * whatever it says.
 */
final class PatchFields {

	private PatchFields() {
	}

	/** The entity's own whitelist, empty without {@link Writable}. */
	static Set<String> declared(Class<?> entityType) {
		// declared on the entity or a superclass (a @MappedSuperclass)
		Writable writable = AnnotatedElementUtils.findMergedAnnotation(entityType, Writable.class);
		return (writable != null) ? Set.of(writable.value()) : Set.of();
	}

	/** The instance field named so, declared by the type or a superclass; null if there is none. */
	static @Nullable Field field(Class<?> type, String name) {
		Field field = ReflectionUtils.findField(type, name);
		return (field != null && !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) ? field : null;
	}

	/**
	 * Why a property may not be written, or null when it may.
	 * @param entity the entity's type, for its traits; for a field of an embedded value, null
	 * @param whitelist the writable names at this level; null inside a writable embedded value
	 */
	static @Nullable String refusal(@Nullable Class<?> entity, Field field, @Nullable Collection<String> whitelist) {
		if (field.isAnnotationPresent(Id.class) || field.isAnnotationPresent(EmbeddedId.class)) {
			return "key";
		}
		if (field.isAnnotationPresent(Version.class)) {
			return "version";
		}
		if (field.isAnnotationPresent(TenantColumn.class)) {
			return "tenant";
		}
		if (field.isAnnotationPresent(Sensitive.class)) {
			return "sensitive";
		}
		if (field.isAnnotationPresent(Transient.class) || Modifier.isTransient(field.getModifiers())) {
			return "not-persistent";
		}
		if (field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToMany.class)
				|| field.isAnnotationPresent(OneToOne.class) || field.isAnnotationPresent(ManyToMany.class)) {
			return "association";
		}
		if (entity != null && (field.getName().equals(TraitAttributes.auditAttribute(entity))
				|| field.getName().equals(TraitAttributes.archiveAttribute(entity)))) {
			return "trait";
		}
		if (whitelist != null && !whitelist.contains(field.getName())) {
			return "not-whitelisted";
		}
		return null;
	}

	/**
	 * The most characters the column of a text field holds, as mapped: {@code @Column(length)}, 255
	 * by default; 0 (no limit known) for a {@code @Lob} or a column with its own definition.
	 */
	static int maxLength(Field field) {
		if (field.isAnnotationPresent(Lob.class)) {
			return 0;
		}
		Column column = field.getAnnotation(Column.class);
		if (column == null) {
			return 255;
		}
		return column.columnDefinition().isEmpty() ? column.length() : 0;
	}

	/** Whether a field holds an embedded value object, patched field by field. */
	static boolean embedded(Field field) {
		return field.getType().isAnnotationPresent(Embeddable.class);
	}

}
