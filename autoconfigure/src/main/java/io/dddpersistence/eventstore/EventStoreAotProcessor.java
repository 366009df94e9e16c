package io.dddpersistence.eventstore;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Finds the event store's application types at build time, so that an AOT-processed application
 * does not scan for them at run time: the {@link EventType} classes (written to {@link
 * EventTypeIndex#LOCATION}, which {@link EventSerializer}'s bean reads, and registered for Jackson
 * binding) and the {@link Projection} beans. Contributes nothing when the event store is off.
 */
final class EventStoreAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getBeanNamesForType(EventSerializer.class, true, false).length == 0) {
			return null;
		}
		Set<String> eventTypes = EventTypeIndex.scan(EventStoreConfiguration.eventPackages(settings(beanFactory),
				beanFactory));
		ClassLoader classLoader = classLoader(beanFactory);
		List<Class<?>> projections = Arrays.stream(beanFactory.getBeanNamesForType(Projection.class, true, false))
			.map((name) -> beanFactory.getType(name, false))
			.<Class<?>>map((type) -> (type != null) ? ClassUtils.getUserClass(type) : null)
			.filter(Objects::nonNull)
			.toList();
		return (generationContext, code) -> {
			generationContext.getGeneratedFiles().addResourceFile(EventTypeIndex.LOCATION, EventTypeIndex.write(eventTypes));
			RuntimeHints hints = generationContext.getRuntimeHints();
			hints.resources().registerPattern(EventTypeIndex.LOCATION);
			BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
			for (String name : eventTypes) {
				binding.registerReflectionHints(hints.reflection(), ClassUtils.resolveClassName(name, classLoader));
			}
			for (Class<?> projection : projections) {
				hints.reflection().registerType(projection, MemberCategory.INVOKE_PUBLIC_METHODS);
			}
		};
	}

	/** The event store's settings as the application will bind them (only the packages matter here). */
	private static EventStoreProperties settings(ConfigurableListableBeanFactory beanFactory) {
		ConfigurableEnvironment environment = beanFactory.getBeanProvider(ConfigurableEnvironment.class).getIfAvailable();
		if (environment == null) {
			return EventStoreProperties.DEFAULTS;
		}
		return Binder.get(environment)
			.bind(EventStoreProperties.PREFIX, Bindable.of(EventStoreProperties.class))
			.orElse(EventStoreProperties.DEFAULTS);
	}

	private static ClassLoader classLoader(ConfigurableListableBeanFactory beanFactory) {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		return (classLoader != null) ? classLoader : EventStoreAotProcessor.class.getClassLoader();
	}

}
