package io.dddpersistence.repository;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.util.ReflectionUtils;

/**
 * Publishes the events an aggregate registered ({@code @DomainEvents}, as with
 * {@code AbstractAggregateRoot}) when {@code add} stores it, then clears them
 * ({@code @AfterDomainEventPublication}): the same contract Spring Data applies to {@code save},
 * which a method of another name does not get. Published inside the transaction, so listeners such
 * as the outbox's capture write in it too.
 */
final class DomainEventPublication {

	private static final Map<Class<?>, Optional<Methods>> METHODS = new ConcurrentHashMap<>();

	private final @Nullable ApplicationEventPublisher publisher;

	DomainEventPublication(@Nullable ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	void publishFrom(Object aggregate) {
		if (this.publisher == null) {
			return;
		}
		Optional<Methods> methods = METHODS.computeIfAbsent(aggregate.getClass(), DomainEventPublication::find);
		if (methods.isEmpty()) {
			return;
		}
		Object events = ReflectionUtils.invokeMethod(methods.get().events(), aggregate);
		Collection<?> toPublish = (events instanceof Collection<?> collection) ? List.copyOf(collection)
				: (events != null) ? List.of(events) : List.of();
		if (toPublish.isEmpty()) {
			return;
		}
		toPublish.forEach(this.publisher::publishEvent);
		if (methods.get().cleanup() != null) {
			ReflectionUtils.invokeMethod(methods.get().cleanup(), aggregate);
		}
	}

	private static Optional<Methods> find(Class<?> type) {
		Method events = annotated(type, DomainEvents.class);
		return (events != null) ? Optional.of(new Methods(events, annotated(type, AfterDomainEventPublication.class)))
				: Optional.empty();
	}

	private static @Nullable Method annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
		Method[] found = new Method[1];
		ReflectionUtils.doWithMethods(type, (method) -> {
			if (found[0] == null) {
				found[0] = method;
			}
		}, (method) -> method.isAnnotationPresent(annotation) && method.getParameterCount() == 0);
		if (found[0] != null) {
			ReflectionUtils.makeAccessible(found[0]);
		}
		return found[0];
	}

	private record Methods(Method events, @Nullable Method cleanup) {
	}

}
