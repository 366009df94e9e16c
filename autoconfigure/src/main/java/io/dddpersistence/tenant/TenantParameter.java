package io.dddpersistence.tenant;

import java.util.function.Supplier;

import org.hibernate.resource.beans.spi.ManagedBean;

import io.dddpersistence.error.MissingTenantException;

/**
 * Supplies a tenant filter's parameter when Hibernate runs a query: the current tenant of one
 * level as its columns hold it, or {@link MissingTenantException} (none) or
 * {@link io.dddpersistence.error.MalformedTenantException} (not of the columns' type) before any SQL
 * is sent.
 */
final class TenantParameter implements Supplier<Object>, ManagedBean<TenantParameter> {

	private final String level;

	private final Class<?> type;

	TenantParameter(String level, Class<?> type) {
		this.level = level;
		this.type = type;
	}

	@Override
	public Object get() {
		String tenant = TenantScope.current(this.level).orElseThrow(() -> new MissingTenantException(null, this.level));
		return TenantTraits.typed(this.type, this.level, tenant);
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
