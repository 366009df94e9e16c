package io.dddpersistence.entity;

import java.util.function.Consumer;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

/**
 * Runs a step of a capability's start-up on the JPA entity manager factory as soon as it is
 * initialised, before any other bean can open a session with it: installing Hibernate listeners,
 * loading database functions. Declared as a {@code static} bean method, so that it post-processes
 * the factory itself.
 * <pre class="code">
 * &#64;Bean
 * static BeanPostProcessor geometryCheckInstaller() {
 *     return EntityManagerFactoryReady.then((factory) -&gt; ...);
 * }
 * </pre>
 */
public final class EntityManagerFactoryReady implements BeanPostProcessor {

	private final Consumer<AbstractEntityManagerFactoryBean> step;

	private EntityManagerFactoryReady(Consumer<AbstractEntityManagerFactoryBean> step) {
		this.step = step;
	}

	/** A post-processor that hands every initialised entity manager factory bean to the step. */
	public static EntityManagerFactoryReady then(Consumer<AbstractEntityManagerFactoryBean> step) {
		return new EntityManagerFactoryReady(step);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractEntityManagerFactoryBean factory) {
			this.step.accept(factory);
		}
		return bean;
	}

}
