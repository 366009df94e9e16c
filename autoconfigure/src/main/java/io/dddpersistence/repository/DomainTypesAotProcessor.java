package io.dddpersistence.repository;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * Finds the domain and entity types of every {@link MappedDomainRepository} (and so every {@link
 * DomainRepository}) at build time and registers what {@code PropertyMapping} and the domain event
 * publication reflect on: their declared constructors, fields and methods (records through their
 * components), and the nested value objects Jackson writes as {@code jsonb}.
 */
final class DomainTypesAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<Class<?>> types = domainTypes(beanFactory);
		if (types.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> register(generationContext.getRuntimeHints(), types);
	}

	/** The domain and entity types of the repositories the bean factory defines. */
	static Set<Class<?>> domainTypes(ConfigurableListableBeanFactory beanFactory) {
		Set<Class<?>> types = new LinkedHashSet<>();
		for (String name : beanFactory.getBeanNamesForType(MappedDomainRepository.class, true, false)) {
			Class<?> repository = beanFactory.getType(name, false);
			if (repository == null) {
				continue;
			}
			ResolvableType mapped = ResolvableType.forClass(repository).as(MappedDomainRepository.class);
			for (int index = 0; index < 2; index++) {
				Class<?> type = mapped.getGeneric(index).resolve();
				if (type != null) {
					types.add(type);
				}
			}
		}
		return types;
	}

	static void register(RuntimeHints hints, Set<Class<?>> types) {
		BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
		for (Class<?> type : types) {
			hints.reflection()
				.registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS,
						MemberCategory.INVOKE_DECLARED_METHODS);
			binding.registerReflectionHints(hints.reflection(), type);
		}
	}

}
