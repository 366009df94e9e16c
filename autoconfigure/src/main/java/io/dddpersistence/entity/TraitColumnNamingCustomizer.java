package io.dddpersistence.entity;

import java.util.Map;

import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.jspecify.annotations.Nullable;
import org.hibernate.cfg.MappingSettings;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.util.ClassUtils;

/**
 * Wraps the physical naming strategy Boot configured (a bean, {@code spring.jpa.hibernate.naming.physical-strategy}
 * or Boot's default) in {@link TraitColumnNaming}, so that the global trait column names apply
 * whichever strategy the application uses.
 */
final class TraitColumnNamingCustomizer implements HibernatePropertiesCustomizer {

	private final Map<String, String> renames;

	TraitColumnNamingCustomizer(Map<String, String> renames) {
		this.renames = renames;
	}

	@Override
	public void customize(Map<String, Object> settings) {
		Object configured = settings.get(MappingSettings.PHYSICAL_NAMING_STRATEGY);
		settings.put(MappingSettings.PHYSICAL_NAMING_STRATEGY, new TraitColumnNaming(strategy(configured), this.renames));
	}

	private static PhysicalNamingStrategy strategy(@Nullable Object configured) {
		if (configured instanceof PhysicalNamingStrategy strategy) {
			return strategy;
		}
		if (configured instanceof Class<?> type) {
			return (PhysicalNamingStrategy) BeanUtils.instantiateClass(type);
		}
		if (configured instanceof String name) {
			return (PhysicalNamingStrategy) BeanUtils
				.instantiateClass(ClassUtils.resolveClassName(name, TraitColumnNamingCustomizer.class.getClassLoader()));
		}
		return new org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl();
	}

}
