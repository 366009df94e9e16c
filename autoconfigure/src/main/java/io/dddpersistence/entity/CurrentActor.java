package io.dddpersistence.entity;

import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.util.function.SingletonSupplier;

/**
 * The actor that audit stamps record: the application's {@link AuditorAware} if it declares one,
 * else the authenticated principal, else {@code ddd.persistence.entity.system-actor}.
 */
final class CurrentActor implements Supplier<@Nullable String> {

	private final SingletonSupplier<Optional<AuditorAware<?>>> auditor;

	private final SingletonSupplier<Optional<CurrentPrincipal>> principal;

	private final String systemActor;

	CurrentActor(ObjectProvider<AuditorAware<?>> auditorAware, ObjectProvider<CurrentPrincipal> principal,
			String systemActor) {
		// looked up once, on first use: a bean lookup per stamped entity would dominate bulk inserts
		this.auditor = SingletonSupplier.of(() -> Optional.ofNullable(auditorAware.getIfUnique()));
		this.principal = SingletonSupplier.of(() -> Optional.ofNullable(principal.getIfAvailable()));
		this.systemActor = systemActor;
	}

	@Override
	public @Nullable String get() {
		Optional<AuditorAware<?>> configured = this.auditor.obtain();
		if (configured.isPresent()) {
			return configured.get().getCurrentAuditor().map(String::valueOf).orElse(this.systemActor);
		}
		String name = this.principal.obtain().map(CurrentPrincipal::name).orElse(null);
		return (name != null) ? name : this.systemActor;
	}

}
