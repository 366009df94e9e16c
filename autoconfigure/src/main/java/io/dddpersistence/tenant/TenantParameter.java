package io.dddpersistence.tenant;

import java.util.function.Supplier;

import org.hibernate.resource.beans.spi.ManagedBean;

import io.dddpersistence.error.MissingTenantException;

/**
 * Supplies a tenant filter's parameter when Hibernate runs a query: the current tenant of one
 * level, or {@link MissingTenantException} before any SQL is sent when there is none.
 */
final class TenantParameter implements Supplier<String>, ManagedBean<TenantParameter> {

	private final String level;

	TenantParameter(String level) {
		this.level = level;
	}

	@Override
	public String get() {
		return TenantScope.current(this.level)
			.orElseThrow(() -> new MissingTenantException(null, this.level));
	}

	@Override
	public Class<TenantParameter> getBeanClass() {
		return TenantParameter.class;
	}

	@Override
	public TenantParameter getBeanInstance() {
		return this;
	}

}
