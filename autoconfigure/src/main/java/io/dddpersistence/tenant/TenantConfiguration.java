package io.dddpersistence.tenant;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import io.dddpersistence.entity.EntityManagerFactoryReady;
import io.dddpersistence.entity.EntityProperties;
import io.dddpersistence.entity.SchemaFindings;
import io.dddpersistence.vendor.DatabaseVendors;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tenancy's beans: the insert, update and delete checks, the request filter that binds each web
 * request's tenant, and optional PostgreSQL row-level security. The resolver, the filter and the
 * row-level security setter back off when the application declares its own. Spring Boot imports it
 * from {@code TenantAutoConfiguration}, which adds the ordering and the conditions; an application
 * without Boot's auto-configuration may import it itself, with {@link TenantProperties} bound.
 */
@Configuration(proxyBeanMethods = false)
public class TenantConfiguration {

	// Not replaceable: it tells the mapping contributor whether to add the row-level security
	// policies, which must agree with whether the setter below sets the tenant on each transaction.
	@Bean
	HibernatePropertiesCustomizer dddPersistenceTenantCustomizer(TenantProperties properties) {
		return (settings) -> settings.put(TenantMappingContributor.ROW_LEVEL_SECURITY,
				String.valueOf(properties.rowLevelSecurity()));
	}

	// Not replaceable: these listeners are what keeps one tenant from writing another's rows; an
	// application that could swap them out could lose the isolation without noticing. Installed as
	// soon as the entity manager factory is ready, before any other bean can open a session.
	@Bean
	static BeanPostProcessor tenantListenersInstaller() {
		return EntityManagerFactoryReady.then((factory) -> {
			if (factory.getNativeEntityManagerFactory() != null) {
				TenantListeners.install(factory.getNativeEntityManagerFactory());
			}
		});
	}

	@Bean
	@ConditionalOnMissingBean(name = "rowLevelSecurityTenantSetter")
	@ConditionalOnBooleanProperty("ddd.persistence.tenant.row-level-security")
	RowLevelSecurityTenantSetter rowLevelSecurityTenantSetter(EntityManagerFactory entityManagerFactory) {
		return new RowLevelSecurityTenantSetter(entityManagerFactory);
	}

	// looks the factory and the data source up once every singleton exists: this configuration is
	// processed before JPA's, so a condition on their beans could not see them yet
	@Bean
	@ConditionalOnMissingBean(name = "rowLevelSecurityCheck")
	@ConditionalOnBooleanProperty("ddd.persistence.tenant.row-level-security")
	SmartInitializingSingleton rowLevelSecurityCheck(ObjectProvider<EntityManagerFactory> entityManagerFactory,
			ObjectProvider<DataSource> dataSource, ObjectProvider<SchemaFindings> findings,
			ObjectProvider<EntityProperties> entityProperties) {
		return () -> {
			EntityManagerFactory factory = entityManagerFactory.getIfUnique();
			DataSource source = dataSource.getIfUnique();
			if (factory != null && source != null) {
				new RowLevelSecurityCheck(factory, source, findings(findings, entityProperties)).verify();
			}
		};
	}

	// as rowLevelSecurityCheck: looked up once every singleton exists; on a database the library has
	// no SQL for it does nothing
	@Bean
	@ConditionalOnMissingBean(name = "tenantIndexCheck")
	SmartInitializingSingleton tenantIndexCheck(ObjectProvider<EntityManagerFactory> entityManagerFactory,
			ObjectProvider<DataSource> dataSource, ObjectProvider<SchemaFindings> findings,
			ObjectProvider<EntityProperties> entityProperties, ObjectProvider<DatabaseVendors> vendors) {
		return () -> {
			EntityManagerFactory factory = entityManagerFactory.getIfUnique();
			DataSource source = dataSource.getIfUnique();
			if (factory == null || source == null) {
				return;
			}
			vendors.getIfAvailable(DatabaseVendors::new).find(source).ifPresent((vendor) -> new TenantIndexCheck(factory,
					source, vendor, findings(findings, entityProperties)).verify());
		};
	}

	// the entity traits' findings; without them (no entity operations configured), failing or warning as index-check says
	private static SchemaFindings findings(ObjectProvider<SchemaFindings> findings,
			ObjectProvider<EntityProperties> entityProperties) {
		return findings.getIfAvailable(() -> new SchemaFindings(null,
				entityProperties.getIfAvailable(() -> EntityProperties.DEFAULTS).indexCheck()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(OncePerRequestFilter.class)
	static class TenantWebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TenantResolver tenantResolver(TenantProperties properties) {
			return new HeaderTenantResolver(properties.headersByLevel());
		}

		@Bean
		@ConditionalOnMissingBean(name = "tenantRequestFilter")
		FilterRegistrationBean<TenantRequestFilter> tenantRequestFilter(TenantResolver resolver,
				TenantProperties properties) {
			FilterRegistrationBean<TenantRequestFilter> registration = new FilterRegistrationBean<>(
					new TenantRequestFilter(resolver));
			registration.setOrder(properties.filterOrder());
			return registration;
		}

	}

}
