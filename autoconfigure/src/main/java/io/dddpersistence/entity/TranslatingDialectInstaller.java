package io.dddpersistence.entity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.orm.jpa.JpaDialect;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;

import io.dddpersistence.error.TranslatedViolationLogging;
import io.dddpersistence.error.TranslatingJpaDialect;

/**
 * Puts the {@link TranslatingJpaDialect} on the entity manager factory before it starts, so that
 * stale versions, duplicate keys and missing references surface as the library's exceptions at
 * save, flush and commit; a dialect the application chose itself is left alone.
 */
final class TranslatingDialectInstaller implements BeanPostProcessor {

	// a provider, so that a post-processor does not bind the properties before the context is ready
	private final ObjectProvider<EntityProperties> properties;

	TranslatingDialectInstaller(ObjectProvider<EntityProperties> properties) {
		this.properties = properties;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractEntityManagerFactoryBean factory
				&& this.properties.getIfAvailable(() -> EntityProperties.DEFAULTS).translateExceptions()) {
			JpaDialect current = factory.getJpaDialect();
			if (current == null || current.getClass() == HibernateJpaDialect.class) {
				factory.setJpaDialect(new TranslatingJpaDialect());
				// the violations translated here are expected outcomes, not Hibernate warnings
				factory.getJpaPropertyMap().putIfAbsent(TranslatedViolationLogging.ENABLED, true);
			}
		}
		return bean;
	}

}
