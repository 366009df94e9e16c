package io.dddpersistence.specification;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * One entity's searchable fields: resolves paths (snake_case or camelCase, dotted through
 * associations) against the JPA metamodel and holds the filter and sort whitelists.
 */
final class EntityFields {

	private static final Pattern SENSITIVE_NAME = Pattern.compile(".*(password|passwd|secret|token|credential).*",
			Pattern.CASE_INSENSITIVE);

	private final EntityType<?> entity;

	private final int maxPathDepth;

	private final Map<ManagedType<?>, Map<String, Attribute<?, ?>>> attributesByKey = new ConcurrentHashMap<>();

	private final Set<String> filterable;

	private final Set<String> sortable;

	EntityFields(EntityType<?> entity, @Nullable SearchableFields declared, int maxPathDepth) {
		this.entity = entity;
		this.maxPathDepth = maxPathDepth;
		Searchable annotation = entity.getJavaType().getAnnotation(Searchable.class);
		Set<String> defaults = defaults();
		this.filterable = whitelist(pick((declared != null) ? declared.filterPaths() : null,
				(annotation != null) ? annotation.filter() : null, defaults));
		this.sortable = whitelist(pick((declared != null) ? declared.sortPaths() : null,
				(annotation != null) ? annotation.sort() : null, defaults));
	}

	private EntityFields(EntityFields base, Set<String> filterable, Set<String> sortable) {
		this.entity = base.entity;
		this.maxPathDepth = base.maxPathDepth;
		this.filterable = filterable;
		this.sortable = sortable;
	}

	/** These fields with one endpoint's whitelist in place of the entity's, where it declares one. */
	EntityFields narrowedTo(SearchableFields endpoint) {
		Set<String> filter = (endpoint.filterPaths() != null) ? whitelist(endpoint.filterPaths()) : this.filterable;
		Set<String> sort = (endpoint.sortPaths() != null) ? whitelist(endpoint.sortPaths()) : this.sortable;
		return new EntityFields(this, filter, sort);
	}

	String entityName() {
		return this.entity.getJavaType().getSimpleName();
	}

	Set<String> filterable() {
		return this.filterable;
	}

	Set<String> sortable() {
		return this.sortable;
	}

	@Nullable String idAttribute() {
		if (!this.entity.hasSingleIdAttribute()) {
			return null;
		}
		return this.entity.getId(this.entity.getIdType().getJavaType()).getName();
	}

	private static Collection<String> pick(@Nullable Collection<String> bean, String @Nullable [] annotation,
			Set<String> defaults) {
		if (bean != null) {
			return bean;
		}
		if (annotation != null && annotation.length > 0) {
			return List.of(annotation);
		}
		return defaults;
	}

	private Set<String> defaults() {
		Set<String> names = new LinkedHashSet<>();
		for (Attribute<?, ?> attribute : this.entity.getAttributes()) {
			if (attribute.getPersistentAttributeType() == Attribute.PersistentAttributeType.BASIC
					&& !isSensitive(attribute) && !annotated(attribute, NotSearchable.class)) {
				names.add(attribute.getName());
			}
		}
		return names;
	}

	private Set<String> whitelist(Collection<String> paths) {
		Set<String> names = new LinkedHashSet<>();
		for (String path : paths) {
			FieldPath resolved;
			try {
				resolved = resolveUnchecked(path, true);
			}
			catch (InvalidSearchException ex) {
				throw new IllegalStateException("The search whitelist of " + entityName() + " names '" + path
						+ "', which is not a field path of it: " + ex.getMessage(), ex);
			}
			names.add(resolved.name());
		}
		return Collections.unmodifiableSet(names);
	}

	/** Resolves a path; fails with the same errors a search gets. */
	FieldPath resolve(String path) {
		String[] parts = path.split("\\.", -1);
		if (parts.length > this.maxPathDepth) {
			throw new SearchLimitExceededException("max-path-depth", this.maxPathDepth, parts.length);
		}
		return resolveUnchecked(path, false);
	}

	private FieldPath resolveUnchecked(String path, boolean refuseSensitive) {
		List<FieldPath.Segment> segments = new ArrayList<>();
		StringBuilder canonical = new StringBuilder();
		ManagedType<?> current = this.entity;
		Class<?> type = this.entity.getJavaType();
		int srid = ColumnSrid.DEFAULT;
		String[] parts = path.split("\\.", -1);
		for (int i = 0; i < parts.length; i++) {
			if (current == null) {
				throw new UnknownFieldException(entityName(), path);
			}
			Attribute<?, ?> attribute = attributes(current).get(key(parts[i]));
			if (attribute == null) {
				throw new UnknownFieldException(entityName(), path);
			}
			if (refuseSensitive && isSensitive(attribute)) {
				throw new IllegalStateException(entityName() + "." + path
						+ " is sensitive and can never be searched; remove it from the whitelist");
			}
			FieldPath.Kind kind = kind(attribute);
			segments.add(new FieldPath.Segment(attribute.getName(), kind));
			canonical.append((i > 0) ? "." : "").append(attribute.getName());
			Type<?> target = (attribute instanceof PluralAttribute<?, ?, ?> plural) ? plural.getElementType()
					: ((SingularAttribute<?, ?>) attribute).getType();
			current = (target instanceof ManagedType<?> managed) ? managed : null;
			type = ClassUtils.resolvePrimitiveIfNecessary(target.getJavaType());
			srid = StandardOperators.isGeometry(type) ? ColumnSrid.of(attribute) : ColumnSrid.DEFAULT;
		}
		return new FieldPath(canonical.toString(), List.copyOf(segments), type, srid);
	}

	private static FieldPath.Kind kind(Attribute<?, ?> attribute) {
		return switch (attribute.getPersistentAttributeType()) {
			case BASIC -> FieldPath.Kind.BASIC;
			case EMBEDDED -> FieldPath.Kind.EMBEDDED;
			case MANY_TO_ONE, ONE_TO_ONE -> FieldPath.Kind.TO_ONE;
			case ONE_TO_MANY, MANY_TO_MANY -> FieldPath.Kind.TO_MANY;
			case ELEMENT_COLLECTION -> FieldPath.Kind.ELEMENTS;
		};
	}

	private Map<String, Attribute<?, ?>> attributes(ManagedType<?> type) {
		return this.attributesByKey.computeIfAbsent(type, (managed) -> {
			Map<String, Attribute<?, ?>> byKey = new ConcurrentHashMap<>();
			for (Attribute<?, ?> attribute : managed.getAttributes()) {
				byKey.put(key(attribute.getName()), attribute);
			}
			return byKey;
		});
	}

	/** {@code created_at}, {@code createdAt} and {@code CreatedAt} name the same attribute. */
	private static String key(String name) {
		return name.replace("_", "").toLowerCase(Locale.ROOT);
	}

	private static boolean isSensitive(Attribute<?, ?> attribute) {
		return SENSITIVE_NAME.matcher(attribute.getName()).matches() || annotated(attribute, Sensitive.class);
	}

	private static boolean annotated(Attribute<?, ?> attribute, Class<? extends java.lang.annotation.Annotation> type) {
		Member member = attribute.getJavaMember();
		if (member instanceof AnnotatedElement element && element.isAnnotationPresent(type)) {
			return true;
		}
		Field field = ReflectionUtils.findField(attribute.getDeclaringType().getJavaType(), attribute.getName());
		return field != null && field.isAnnotationPresent(type);
	}

	static EntityType<?> entityType(Metamodel metamodel, Class<?> type) {
		try {
			return metamodel.entity(type);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(type.getName() + " is not a JPA entity of this persistence unit", ex);
		}
	}

}
