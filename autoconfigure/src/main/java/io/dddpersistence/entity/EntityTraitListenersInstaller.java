package io.dddpersistence.entity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.util.function.SingletonSupplier;

import io.dddpersistence.vendor.DatabaseVendors;

/**
 * Installs the trait listeners (audit stamping, archive-on-delete, stale version checks) on each
 * entity manager factory as soon as it is ready, before any other bean can open a session, and
 * aligns the database's settings with PostgreSQL's.
 */
final class EntityTraitListenersInstaller implements BeanPostProcessor {

	// providers, read on first use: the audit source and the customizers are ordinary beans that a
	// post-processor must not create early
	private final ObjectProvider<AuditSource> auditSource;

	private final ObjectProvider<VersionLookupCustomizer> versionLookupCustomizers;

	private final ObjectProvider<DatabaseVendors> vendors;

	EntityTraitListenersInstaller(ObjectProvider<AuditSource> auditSource,
			ObjectProvider<VersionLookupCustomizer> versionLookupCustomizers, ObjectProvider<DatabaseVendors> vendors) {
		this.auditSource = auditSource;
		this.versionLookupCustomizers = versionLookupCustomizers;
		this.vendors = vendors;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractEntityManagerFactoryBean factory && factory.getNativeEntityManagerFactory() != null) {
			EntityTraitListeners.install(factory.getNativeEntityManagerFactory(),
					SingletonSupplier.of(this.auditSource::getObject),
					SingletonSupplier.of(() -> this.versionLookupCustomizers.orderedStream().toList()));
			if (factory.getDataSource() != null) {
				DatabaseAlignment.apply(factory.getDataSource(), this.vendors.getObject());
			}
		}
		return bean;
	}

}
