package io.dddpersistence.repository;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

import org.springframework.core.CollectionFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Copies state between two types by property name: records through their canonical constructor,
 * other classes through their fields (entities often have no setters, domain types often no
 * getters). Values convert by the first rule that fits: same type, a user converter, element-wise
 * for collections, by name for enums, property by property for nested value objects, then Spring's
 * default conversions. Plans are built once per pair of types, so a mismatch fails at start-up.
 */
final class PropertyMapping {

	private final ConversionService converters;

	private final ConversionService defaults = DefaultConversionService.getSharedInstance();

	private final Map<List<Class<?>>, Copier> copiers = new HashMap<>();

	private final Set<List<Class<?>>> building = new HashSet<>();

	/** @param converters the user's converters only; Spring's defaults are consulted last */
	PropertyMapping(ConversionService converters) {
		this.converters = converters;
	}

	synchronized Copier copier(Class<?> source, Class<?> target) {
		List<Class<?>> key = List.of(source, target);
		Copier copier = this.copiers.get(key);
		if (copier == null) {
			this.building.add(key);
			try {
				copier = new Copier(source, target);
			}
			finally {
				this.building.remove(key);
			}
			this.copiers.put(key, copier);
		}
		return copier;
	}

	private Conversion conversion(ResolvableType source, ResolvableType target, String where) {
		Class<?> sourceType = source.toClass();
		Class<?> targetType = target.toClass();
		boolean collections = Collection.class.isAssignableFrom(sourceType)
				&& Collection.class.isAssignableFrom(targetType);
		if (collections) {
			ResolvableType sourceElement = source.asCollection().getGeneric(0);
			ResolvableType targetElement = target.asCollection().getGeneric(0);
			Conversion element = sourceElement.toClass().equals(targetElement.toClass()) ? (value) -> value
					: conversion(sourceElement, targetElement, where + "[]");
			return (value) -> copyCollection((Collection<?>) value, targetType, element);
		}
		if (ClassUtils.isAssignable(targetType, sourceType)) {
			return (value) -> value;
		}
		TypeDescriptor from = new TypeDescriptor(source, null, null);
		TypeDescriptor to = new TypeDescriptor(target, null, null);
		if (this.converters.canConvert(from, to)) {
			return (value) -> this.converters.convert(value, from, to);
		}
		if (sourceType.isEnum() && targetType == String.class) {
			return (value) -> ((Enum<?>) value).name();
		}
		if (targetType.isEnum() && (sourceType == String.class || sourceType.isEnum())) {
			return (value) -> enumConstant(targetType, (value instanceof Enum<?> constant) ? constant.name() : value.toString());
		}
		if (isStructured(sourceType) && isStructured(targetType)) {
			List<Class<?>> key = List.of(sourceType, targetType);
			if (this.building.contains(key)) {
				return (value) -> copier(sourceType, targetType).create(value);
			}
			Copier nested = copier(sourceType, targetType);
			return nested::create;
		}
		// Spring's fallback would turn a value object into its toString(); ask for a converter instead.
		if (this.defaults.canConvert(from, to) && !(isStructured(sourceType) && targetType == String.class)) {
			return (value) -> this.defaults.convert(value, from, to);
		}
		throw new DomainMappingException("Cannot map " + where + " from " + source + " to " + target
				+ ": the types neither match nor nest; register a Converter<" + sourceType.getSimpleName() + ", "
				+ targetType.getSimpleName() + "> bean or a DomainMapper bean for the pair");
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object enumConstant(Class<?> type, String name) {
		return Enum.valueOf((Class) type, name);
	}

	private static Collection<Object> copyCollection(Collection<?> values, Class<?> targetType, Conversion element) {
		Collection<Object> copy = (targetType.isInterface() || Modifier.isAbstract(targetType.getModifiers()))
				? (Set.class.isAssignableFrom(targetType) ? new java.util.LinkedHashSet<>(values.size())
						: new ArrayList<>(values.size()))
				: CollectionFactory.createCollection(targetType, values.size());
		for (Object value : values) {
			copy.add((value != null) ? element.convert(value) : null);
		}
		return copy;
	}

	private static boolean isStructured(Class<?> type) {
		if (type.isPrimitive() || type.isArray() || type.isEnum() || type.isInterface()
				|| Modifier.isAbstract(type.getModifiers())) {
			return false;
		}
		String name = type.getName();
		if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.")) {
			return false;
		}
		return type.isRecord() || declaredConstructor(type, new Class<?>[0]) != null;
	}

	/** Converts one non-null property value. */
	@FunctionalInterface
	interface Conversion {

		@Nullable Object convert(Object value);

	}

	/** A property as read from the source side or written on the target side. */
	private record Property(String name, ResolvableType type, @Nullable Method accessor, @Nullable Field field) {

		@Nullable Object read(Object owner) {
			try {
				return (this.accessor != null) ? this.accessor.invoke(owner) : requiredField().get(owner);
			}
			catch (IllegalAccessException | InvocationTargetException ex) {
				throw new DomainMappingException("Cannot read property '" + this.name + "'", ex);
			}
		}

		/** The field behind a property read without an accessor, or written: one exists by construction. */
		private Field requiredField() {
			return Objects.requireNonNull(this.field, this.name);
		}

		void write(Object owner, @Nullable Object value) {
			if (value == null && requiredField().getType().isPrimitive()) {
				return;
			}
			try {
				requiredField().set(owner, value);
			}
			catch (IllegalAccessException ex) {
				throw new DomainMappingException("Cannot write property '" + this.name + "'", ex);
			}
		}

	}

	private static Map<String, Property> properties(Class<?> type) {
		Map<String, Property> properties = new LinkedHashMap<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				Method accessor = component.getAccessor();
				ReflectionUtils.makeAccessible(accessor);
				properties.put(component.getName(),
						new Property(component.getName(), ResolvableType.forMethodReturnType(accessor, type), accessor, null));
			}
			return properties;
		}
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				int modifiers = field.getModifiers();
				if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
						|| properties.containsKey(field.getName())) {
					continue;
				}
				ReflectionUtils.makeAccessible(field);
				properties.put(field.getName(),
						new Property(field.getName(), ResolvableType.forField(field, type), null, field));
			}
		}
		return properties;
	}

	/** The plan for one pair of types: which source property feeds which target property, converted how. */
	final class Copier {

		private final Class<?> target;

		private final @Nullable Constructor<?> constructor;

		private final Property[] sources;

		private final Property[] targets;

		private final Conversion[] conversions;

		private final Class<?>[] parameterTypes;

		Copier(Class<?> source, Class<?> target) {
			this.target = target;
			Map<String, Property> from = properties(source);
			Map<String, Property> to = properties(target);
			List<Property> sources = new ArrayList<>();
			List<Property> targets = new ArrayList<>();
			List<Conversion> conversions = new ArrayList<>();
			for (Property property : to.values()) {
				Property match = from.get(property.name());
				sources.add(match);
				targets.add(property);
				conversions.add((match != null) ? conversion(match.type(), property.type(),
						source.getSimpleName() + "." + property.name()) : null);
			}
			this.sources = sources.toArray(Property[]::new);
			this.targets = targets.toArray(Property[]::new);
			this.conversions = conversions.toArray(Conversion[]::new);
			this.parameterTypes = target.isRecord()
					? targets.stream().map((property) -> property.type().toClass()).toArray(Class<?>[]::new)
					: new Class<?>[0];
			this.constructor = declaredConstructor(target, this.parameterTypes);
			if (this.constructor == null) {
				throw new DomainMappingException("Cannot create " + target.getName()
						+ " while mapping from " + source.getName() + ": it needs a constructor without parameters");
			}
			ReflectionUtils.makeAccessible(this.constructor);
		}

		/** A new target holding the source's state. */
		Object create(Object source) {
			Object unproxied = Hibernate.unproxy(source);
			try {
				if (this.target.isRecord()) {
					Object[] arguments = new Object[this.targets.length];
					for (int i = 0; i < arguments.length; i++) {
						Object value = valueOf(unproxied, i);
						arguments[i] = (value == null && this.parameterTypes[i].isPrimitive())
								? primitiveDefault(this.parameterTypes[i]) : value;
					}
					return Objects.requireNonNull(this.constructor).newInstance(arguments);
				}
				Object created = Objects.requireNonNull(this.constructor).newInstance();
				copyOnto(unproxied, created, Set.of());
				return created;
			}
			catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
				throw new DomainMappingException("Cannot create " + this.target.getName(), ex);
			}
		}

		/** Writes the source's state onto an existing target, leaving the skipped properties alone. */
		void copyOnto(Object source, Object target, Set<String> skipped) {
			Object unproxied = Hibernate.unproxy(source);
			for (int i = 0; i < this.targets.length; i++) {
				if (this.sources[i] != null && !skipped.contains(this.targets[i].name())) {
					this.targets[i].write(target, valueOf(unproxied, i));
				}
			}
		}

		private @Nullable Object valueOf(Object source, int index) {
			Property property = this.sources[index];
			if (property == null) {
				return null;
			}
			Object value = property.read(source);
			return (value != null) ? this.conversions[index].convert(value) : null;
		}

	}

	private static @Nullable Constructor<?> declaredConstructor(Class<?> type, Class<?>[] parameterTypes) {
		try {
			return type.getDeclaredConstructor(parameterTypes);
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	private static Object primitiveDefault(Class<?> type) {
		if (type == boolean.class) {
			return false;
		}
		if (type == char.class) {
			return '\0';
		}
		return Objects.requireNonNull(DefaultConversionService.getSharedInstance().convert(0, type));
	}

}
