package io.dddpersistence.lifecycle;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The lifecycle hooks' beans: the installer that runs every {@link EntityLifecycleHook} bean as
 * entities are written. Without hook beans it installs nothing that does work.
 */
@Configuration(proxyBeanMethods = false)
public class LifecycleConfiguration {

	private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

	@Bean
	static LifecycleHooksInstaller dddLifecycleHooksInstaller(ObjectProvider<EntityManagerFactory> factories,
			ObjectProvider<EntityLifecycleHook<?>> hooks, BeanFactory beans) {
		LifecycleHooks registered = new LifecycleHooks(() -> hooks.orderedStream().toList());
		HookFailures failures = new HookFailures(() -> ClassUtils.isPresent(METER_REGISTRY, null)
				? beans.getBeanProvider(ClassUtils.resolveClassName(METER_REGISTRY, null)).getIfUnique() : null);
		return new LifecycleHooksInstaller(factories, registered, failures);
	}

}
