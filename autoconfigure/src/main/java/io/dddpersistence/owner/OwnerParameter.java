package io.dddpersistence.owner;

import java.util.function.Supplier;

import org.hibernate.resource.beans.spi.ManagedBean;

/**
 * Supplies the owner filter's parameters when Hibernate runs a query: {@code unrestricted} (the
 * policy's answer for the current work) and {@code owner} (the current owner, or
 * {@link io.dddpersistence.error.MissingOwnerException} before any SQL is sent; unused when
 * unrestricted).
 */
final class OwnerParameter implements Supplier<Object>, ManagedBean<OwnerParameter> {

	private final OwnerContext context;

	private final boolean unrestrictedFlag;

	private OwnerParameter(OwnerContext context, boolean unrestrictedFlag) {
		this.context = context;
		this.unrestrictedFlag = unrestrictedFlag;
	}

	static OwnerParameter owner(OwnerContext context) {
		return new OwnerParameter(context, false);
	}

	static OwnerParameter unrestricted(OwnerContext context) {
		return new OwnerParameter(context, true);
	}

	@Override
	public Object get() {
		boolean unrestricted = this.context.unrestricted();
		if (this.unrestrictedFlag) {
			return unrestricted;
		}
		return unrestricted ? "" : this.context.requireOwner();
	}

	@Override
	public Class<OwnerParameter> getBeanClass() {
		return OwnerParameter.class;
	}

	@Override
	public OwnerParameter getBeanInstance() {
		return this;
	}

}
