package io.dddpersistence.autoconfigure;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;


import jakarta.persistence.EntityManagerFactory;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.AuditorAware;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.orm.jpa.JpaDialect;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.function.SingletonSupplier;

import io.dddpersistence.entity.AuditSource;
import io.dddpersistence.entity.DatabaseAlignment;
import io.dddpersistence.entity.EntityTraitListeners;
import io.dddpersistence.entity.TraitNamingStrategy;
import io.dddpersistence.entity.VersionLookupCustomizer;
import io.dddpersistence.error.TranslatedViolationLogging;
import io.dddpersistence.error.TranslatingJpaDialect;

/**
 * Entity traits, wired before Hibernate starts: audit stamping from the {@link Clock} and the
 * current actor, archive-on-delete, the constraint naming convention, Hibernate settings that keep
 * JDBC batching on, and exception translation at save, flush and commit.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ EntityManagerFactory.class, org.hibernate.Session.class })
@EnableConfigurationProperties(EntityProperties.class)
public final class EntityTraitsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock dddPersistenceClock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	AuditSource auditSource(Clock clock, ObjectProvider<AuditorAware<?>> auditorAware,
			ObjectProvider<CurrentPrincipal> principal, EntityProperties properties) {
		// looked up once, on first use: a bean lookup per stamped entity would dominate bulk inserts
		SingletonSupplier<Optional<AuditorAware<?>>> auditor = SingletonSupplier
			.of(() -> Optional.ofNullable(auditorAware.getIfUnique()));
		SingletonSupplier<Optional<CurrentPrincipal>> current = SingletonSupplier
			.of(() -> Optional.ofNullable(principal.getIfAvailable()));
		Supplier<@Nullable String> actor = () -> {
			Optional<AuditorAware<?>> configured = auditor.obtain();
			if (configured.isPresent()) {
				return configured.get().getCurrentAuditor().map(String::valueOf).orElse(properties.getSystemActor());
			}
			String name = current.obtain().map(CurrentPrincipal::name).orElse(null);
			return (name != null) ? name : properties.getSystemActor();
		};
		return new AuditSource(clock, actor);
	}

	@Bean
	@ConditionalOnMissingBean(ImplicitNamingStrategy.class)
	TraitNamingStrategy traitNamingStrategy() {
		return new TraitNamingStrategy();
	}

	@Bean
	HibernatePropertiesCustomizer dddPersistenceBatchingCustomizer(EntityProperties properties) {
		return (settings) -> applyBatching(settings, properties.getBatchSize());
	}

	static void applyBatching(Map<String, Object> settings, int batchSize) {
		settings.putIfAbsent("hibernate.jdbc.batch_size", batchSize);
		settings.putIfAbsent("hibernate.order_inserts", true);
		settings.putIfAbsent("hibernate.order_updates", true);
		settings.putIfAbsent("hibernate.jdbc.batch_versioned_data", true);
		settings.putIfAbsent("hibernate.jdbc.time_zone", "UTC");
	}

	@Bean
	static BeanPostProcessor entityTraitsInstaller(ObjectProvider<AuditSource> auditSource,
			ObjectProvider<EntityProperties> properties, ObjectProvider<VersionLookupCustomizer> versionLookupCustomizers) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractEntityManagerFactoryBean factory && translate(properties)) {
					JpaDialect current = factory.getJpaDialect();
					if (current == null || current.getClass() == HibernateJpaDialect.class) {
						factory.setJpaDialect(new TranslatingJpaDialect());
						// the violations translated here are expected outcomes, not Hibernate warnings
						factory.getJpaPropertyMap().putIfAbsent(TranslatedViolationLogging.ENABLED, true);
					}
				}
				return bean;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractEntityManagerFactoryBean factory
						&& factory.getNativeEntityManagerFactory() != null) {
					EntityTraitListeners.install(factory.getNativeEntityManagerFactory(),
							SingletonSupplier.of(auditSource::getObject),
							SingletonSupplier.of(() -> versionLookupCustomizers.orderedStream().toList()));
					if (factory.getDataSource() != null) {
						DatabaseAlignment.apply(factory.getDataSource());
					}
				}
				return bean;
			}

		};
	}

	private static boolean translate(ObjectProvider<EntityProperties> properties) {
		EntityProperties bound = properties.getIfAvailable();
		return bound == null || bound.isTranslateExceptions();
	}

	/** The authenticated principal's name, when Spring Security is present. */
	@FunctionalInterface
	interface CurrentPrincipal {

		@Nullable String name();

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityContextHolder.class)
	static class SecurityPrincipalConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CurrentPrincipal securityCurrentPrincipal() {
			return () -> {
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication == null || !authentication.isAuthenticated()
						|| "anonymousUser".equals(authentication.getName())) {
					return null;
				}
				return authentication.getName();
			};
		}

	}

}
