package io.dddpersistence.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import io.dddpersistence.tenant.HeaderTenantResolver;
import io.dddpersistence.tenant.RowLevelSecurityTenantSetter;
import io.dddpersistence.tenant.TenantColumn;
import io.dddpersistence.tenant.TenantListeners;
import io.dddpersistence.tenant.TenantMappingContributor;
import io.dddpersistence.tenant.TenantRequestFilter;
import io.dddpersistence.tenant.TenantResolver;

/**
 * Tenancy: the insert, update and delete checks, the request filter that binds each web request's
 * tenant, and optional PostgreSQL row-level security.
 */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ EntityManagerFactory.class, org.hibernate.Session.class })
@EnableConfigurationProperties(TenantProperties.class)
public final class TenantAutoConfiguration {

	@Bean
	HibernatePropertiesCustomizer dddPersistenceTenantCustomizer(TenantProperties properties) {
		return (settings) -> settings.put(TenantMappingContributor.ROW_LEVEL_SECURITY,
				String.valueOf(properties.isRowLevelSecurity()));
	}

	@Bean
	static BeanPostProcessor tenantListenersInstaller() {
		return EntityManagerFactoryReady.then(TenantListeners::install);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("ddd.persistence.tenant.row-level-security")
	RowLevelSecurityTenantSetter rowLevelSecurityTenantSetter(EntityManagerFactory entityManagerFactory) {
		return new RowLevelSecurityTenantSetter(entityManagerFactory);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(OncePerRequestFilter.class)
	static class TenantWebConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TenantResolver tenantResolver(TenantProperties properties) {
			Map<String, String> headers = new LinkedHashMap<>(properties.getLevelHeaders());
			headers.put(TenantColumn.DEFAULT_LEVEL, properties.getHeader());
			return new HeaderTenantResolver(headers);
		}

		@Bean
		@ConditionalOnMissingBean(name = "tenantRequestFilter")
		FilterRegistrationBean<TenantRequestFilter> tenantRequestFilter(TenantResolver resolver,
				TenantProperties properties) {
			FilterRegistrationBean<TenantRequestFilter> registration = new FilterRegistrationBean<>(
					new TenantRequestFilter(resolver));
			registration.setOrder(properties.getFilterOrder());
			return registration;
		}

	}

}
