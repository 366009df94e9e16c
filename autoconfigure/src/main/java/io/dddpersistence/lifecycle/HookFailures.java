package io.dddpersistence.lifecycle;

import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;

/**
 * Where a failing {@code after} method goes: the commit stands, so it is logged with the hook, the
 * phase and the entity, and counted as {@code ddd.lifecycle.hook.failures} (tags {@code hook},
 * {@code phase}) when Micrometer is there.
 */
final class HookFailures {

	static final String METER = "ddd.lifecycle.hook.failures";

	private static final Log logger = LogFactory.getLog(HookFailures.class);

	private final Supplier<@Nullable Object> registry;

	/** @param registry the application's {@code MeterRegistry}, or null without Micrometer */
	HookFailures(Supplier<@Nullable Object> registry) {
		this.registry = registry;
	}

	void failed(EntityLifecycleHook<?> hook, Phase phase, Object entity, RuntimeException ex) {
		String name = AopUtils.getTargetClass(hook).getName();
		String after = "after" + phase.name().charAt(0) + phase.name().substring(1).toLowerCase(Locale.ROOT);
		logger.error(name + "." + after + " failed for " + entity.getClass().getSimpleName()
				+ " after its transaction committed; the commit stands", ex);
		Object registry = this.registry.get();
		if (registry != null) {
			Meters.count((MeterRegistry) registry, name, after);
		}
	}

	// loaded only with Micrometer on the class path
	private static final class Meters {

		static void count(MeterRegistry registry, String hook, String phase) {
			Counter.builder(METER)
				.description("after-commit lifecycle hook methods that threw (the commit stands)")
				.tag("hook", hook)
				.tag("phase", phase)
				.register(registry)
				.increment();
		}

	}

}
