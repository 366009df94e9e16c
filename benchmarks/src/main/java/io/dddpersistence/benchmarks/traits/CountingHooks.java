package io.dddpersistence.benchmarks.traits;

import java.util.concurrent.atomic.AtomicLong;

import io.dddpersistence.lifecycle.EntityLifecycleHook;
import io.dddpersistence.lifecycle.PropertyChanges;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Three lifecycle hooks on the benchmark's entity, each doing the least a hook does: look and count. */
@Configuration(proxyBeanMethods = false)
public class CountingHooks {

	/** How many hook methods ran, so that the work cannot be optimised away. */
	public static final AtomicLong CALLS = new AtomicLong();

	@Bean
	EntityLifecycleHook<BenchItem> firstHook() {
		return new Counting();
	}

	@Bean
	EntityLifecycleHook<BenchItem> secondHook() {
		return new Counting();
	}

	@Bean
	EntityLifecycleHook<Object> everyEntityHook() {
		return new EntityLifecycleHook<>() {

			@Override
			public void beforeUpdate(Object entity, PropertyChanges changes) {
				CALLS.addAndGet(changes.names().size());
			}

		};
	}

	static final class Counting implements EntityLifecycleHook<BenchItem> {

		@Override
		public void beforeUpdate(BenchItem item, PropertyChanges changes) {
			if (changes.contains("quantity")) {
				CALLS.incrementAndGet();
			}
		}

		@Override
		public void afterUpdate(BenchItem item, PropertyChanges changes) {
			CALLS.incrementAndGet();
		}

	}

}
