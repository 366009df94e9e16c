package io.dddpersistence.autoconfigure;

import java.util.function.Consumer;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * Runs an installation step on the native entity manager factory as soon as its factory bean is
 * initialised, before any other bean can open a session: how the capabilities add their Hibernate
 * event listeners.
 */
final class EntityManagerFactoryReady implements BeanPostProcessor {

	private final Consumer<EntityManagerFactory> step;

	private EntityManagerFactoryReady(Consumer<EntityManagerFactory> step) {
		this.step = step;
	}

	static BeanPostProcessor then(Consumer<EntityManagerFactory> step) {
		return new EntityManagerFactoryReady(step);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractEntityManagerFactoryBean factory && factory.getNativeEntityManagerFactory() != null) {
			this.step.accept(factory.getNativeEntityManagerFactory());
		}
		return bean;
	}

}
