package io.dddpersistence.outbox;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@link Externalized} events of the application's packages at build time and registers
 * them for reflection: Jackson writes them into the outbox, and the SpEL of their {@code key} reads
 * their public methods. Contributes nothing when the outbox is off.
 */
final class OutboxAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getBeanNamesForType(OutboxWriter.class, true, false).length == 0
				|| !AutoConfigurationPackages.has(beanFactory)) {
			return null;
		}
		Set<String> events = scan(AutoConfigurationPackages.get(beanFactory));
		if (events.isEmpty()) {
			return null;
		}
		ClassLoader classLoader = (beanFactory.getBeanClassLoader() != null) ? beanFactory.getBeanClassLoader()
				: OutboxAotProcessor.class.getClassLoader();
		return (generationContext, code) -> {
			RuntimeHints hints = generationContext.getRuntimeHints();
			BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
			for (String name : events) {
				Class<?> type = ClassUtils.resolveClassName(name, classLoader);
				binding.registerReflectionHints(hints.reflection(), type);
				hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
			}
		};
	}

	/** The names of the classes annotated with {@link Externalized} in the packages and below. */
	static Set<String> scan(List<String> packages) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Externalized.class));
		Set<String> found = new TreeSet<>();
		for (String basePackage : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				found.add(String.valueOf(candidate.getBeanClassName()));
			}
		}
		return found;
	}

}
