package io.dddpersistence.owner;

import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.AuditorAware;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Owner-scoped rows: the default {@link OwnerResolver} and {@link OwnerPolicy} (each replaceable by a
 * bean), handed to Hibernate's owner filters through its settings, and the owner checks on insert,
 * update, delete and merge.
 */
@Configuration(proxyBeanMethods = false)
public class OwnerConfiguration {

	private static final boolean SECURITY = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder", OwnerConfiguration.class.getClassLoader());

	/** The application's {@code AuditorAware} if it declares one, else the authenticated principal. */
	@Bean
	@ConditionalOnMissingBean
	OwnerResolver ownerResolver(ObjectProvider<AuditorAware<?>> auditorAware) {
		SingletonSupplier<Optional<AuditorAware<?>>> auditor = SingletonSupplier
			.of(() -> Optional.ofNullable(auditorAware.getIfUnique()));
		return () -> auditor.obtain().isPresent()
				? auditor.obtain().get().getCurrentAuditor().map(String::valueOf)
				: SECURITY ? SecurityOwners.principal() : Optional.empty();
	}

	@Bean
	@ConditionalOnMissingBean
	OwnerPolicy ownerPolicy(OwnerProperties properties) {
		return () -> SECURITY && SecurityOwners.holdsAny(properties.unrestrictedAuthorities());
	}

	@Bean
	static OwnerContextHolder dddOwnerContext(ObjectProvider<OwnerResolver> resolver, ObjectProvider<OwnerPolicy> policy) {
		return new OwnerContextHolder(new OwnerContext(SingletonSupplier.of(resolver::getObject),
				SingletonSupplier.of(policy::getObject)));
	}

	@Bean
	static HibernatePropertiesCustomizer dddOwnerContextCustomizer(OwnerContextHolder holder) {
		return (properties) -> properties.put(OwnerContext.SETTING, holder.context());
	}

	@Bean
	static BeanPostProcessor ownerListenersInstaller(OwnerContextHolder holder) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractEntityManagerFactoryBean factory
						&& factory.getNativeEntityManagerFactory() != null) {
					install(factory.getNativeEntityManagerFactory(), holder.context());
				}
				return bean;
			}

		};
	}

	private static void install(EntityManagerFactory factory, OwnerContext context) {
		EventListenerRegistry registry = factory.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
		for (Object listener : registry.getEventListenerGroup(EventType.PRE_INSERT).listeners()) {
			if (listener instanceof OwnerEventListener) {
				return;
			}
		}
		OwnerEventListener listener = new OwnerEventListener(context);
		registry.appendListeners(EventType.PRE_INSERT, listener);
		registry.appendListeners(EventType.PRE_UPDATE, listener);
		registry.appendListeners(EventType.PRE_DELETE, listener);
		registry.prependListeners(EventType.MERGE, listener);
		registry.prependListeners(EventType.PERSIST, listener);
		registry.prependListeners(EventType.PERSIST_ONFLUSH, listener);
	}

	/** The one owner context of this application context, shared by the filters and the checks. */
	record OwnerContextHolder(OwnerContext context) {
	}

}
