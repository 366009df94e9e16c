package io.dddpersistence.entity;

import java.time.Clock;
import java.util.Map;

import org.hibernate.boot.model.naming.ImplicitNamingStrategy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.AuditorAware;
import org.springframework.security.core.context.SecurityContextHolder;

import io.dddpersistence.vendor.DatabaseVendors;
import io.dddpersistence.vendor.VendorConfiguration;

/**
 * The entity traits' beans, needed before Hibernate starts: audit stamping from the {@link Clock}
 * and the current actor, archive-on-delete, the constraint naming convention, the Hibernate
 * settings that keep JDBC batching on, and exception translation at save, flush and commit. Spring
 * Boot imports it from {@code EntityTraitsAutoConfiguration}, which adds the ordering and the
 * conditions; an application without Boot's auto-configuration may import it itself, with
 * {@link EntityProperties} bound.
 */
@Configuration(proxyBeanMethods = false)
@Import(VendorConfiguration.class)
public class EntityTraitsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock dddPersistenceClock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	AuditSource auditSource(Clock clock, ObjectProvider<AuditorAware<?>> auditorAware,
			ObjectProvider<CurrentPrincipal> principal, EntityProperties properties) {
		return new AuditSource(clock, new CurrentActor(auditorAware, principal, properties.systemActor()));
	}

	@Bean
	@ConditionalOnMissingBean(ImplicitNamingStrategy.class)
	TraitNamingStrategy traitNamingStrategy(EntityProperties properties) {
		return new TraitNamingStrategy(properties.foreignKeyNaming());
	}

	// only when a column is renamed: otherwise the application's naming strategy is left unwrapped
	@Bean
	@ConditionalOnMissingBean(name = "traitColumnNamingCustomizer")
	HibernatePropertiesCustomizer traitColumnNamingCustomizer(EntityProperties properties) {
		Map<String, String> renames = properties.columns().renames();
		return renames.isEmpty() ? (settings) -> {
		} : new TraitColumnNamingCustomizer(renames);
	}

	@Bean
	@ConditionalOnMissingBean(name = "dddPersistenceBatchingCustomizer")
	HibernatePropertiesCustomizer dddPersistenceBatchingCustomizer(EntityProperties properties) {
		return new JdbcBatchingCustomizer(properties.batchSize());
	}

	// Replaced by setting ddd.persistence.entity.translate-exceptions=false, or by giving the entity
	// manager factory a dialect of your own, which the installer leaves alone.
	@Bean
	@ConditionalOnMissingBean(name = "translatingDialectInstaller")
	static BeanPostProcessor translatingDialectInstaller(ObjectProvider<EntityProperties> properties) {
		return new TranslatingDialectInstaller(properties);
	}

	// Not replaceable: audit stamps, archive-on-delete and the stale version checks are these
	// listeners; an application that could swap them out would lose all three without noticing.
	@Bean
	static BeanPostProcessor entityTraitListenersInstaller(ObjectProvider<AuditSource> auditSource,
			ObjectProvider<VersionLookupCustomizer> versionLookupCustomizers, ObjectProvider<DatabaseVendors> vendors) {
		return new EntityTraitListenersInstaller(auditSource, versionLookupCustomizers, vendors);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SecurityContextHolder.class)
	static class SecurityPrincipalConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "securityCurrentPrincipal")
		CurrentPrincipal securityCurrentPrincipal() {
			return new SecurityContextPrincipal();
		}

	}

}
