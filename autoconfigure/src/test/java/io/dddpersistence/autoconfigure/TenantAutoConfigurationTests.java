package io.dddpersistence.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;

import io.dddpersistence.tenant.TenantProperties;
import io.dddpersistence.tenant.TenantResolver;

import static org.assertj.core.api.Assertions.assertThat;

class TenantAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EntityTraitsAutoConfiguration.class, TenantAutoConfiguration.class));

	@Test
	void withNothingSetTheBoundPropertiesAreTheDefaults() {
		this.runner.run((context) -> assertThat(context.getBean(TenantProperties.class))
			.isEqualTo(TenantProperties.DEFAULTS));
		assertThat(TenantProperties.DEFAULTS.header()).isEqualTo("X-Tenant-Id");
		assertThat(TenantProperties.DEFAULTS.levelHeaders()).isEmpty();
		assertThat(TenantProperties.DEFAULTS.filterOrder()).isZero();
		assertThat(TenantProperties.DEFAULTS.rowLevelSecurity()).isFalse();
	}

	@Test
	void theDefaultResolverReadsTheDefaultHeaderAndTheFilterHasTheDefaultOrder() {
		this.runner.run((context) -> {
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.addHeader("X-Tenant-Id", "acme");
			assertThat(context.getBean(TenantResolver.class).resolve(request)).isEqualTo(Map.of("tenant", "acme"));
			assertThat(context.getBean("tenantRequestFilter", FilterRegistrationBean.class).getOrder()).isZero();
		});
	}

	@Test
	void theFilterOrderIsTheConfiguredOne() {
		this.runner.withPropertyValues("ddd.persistence.tenant.filter-order=-5")
			.run((context) -> assertThat(context.getBean("tenantRequestFilter", FilterRegistrationBean.class).getOrder())
				.isEqualTo(-5));
	}

	@Test
	void aBlankHeaderFailsNamingTheProperty() {
		this.runner.withPropertyValues("ddd.persistence.tenant.header=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("ddd.persistence.tenant.header must name a request header"));
	}

	@Test
	void aBlankLevelHeaderFailsNamingTheProperty() {
		this.runner.withPropertyValues("ddd.persistence.tenant.level-headers.station= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("ddd.persistence.tenant.level-headers.station must name a request header"));
	}

	@Test
	void aUserTenantResolverReplacesTheHeaderOneAndTheFilterUsesIt() {
		TenantResolver mine = (request) -> Map.of("tenant", "fixed");
		this.runner.withBean(TenantResolver.class, () -> mine).run((context) -> {
			assertThat(context).hasSingleBean(TenantResolver.class);
			assertThat(context.getBean(TenantResolver.class)).isSameAs(mine);
			assertThat(context).hasBean("tenantRequestFilter");
		});
	}

	@Test
	void aUserFilterNamedTenantRequestFilterReplacesTheLibrarysOwn() {
		FilterRegistrationBean<?> mine = new FilterRegistrationBean<>();
		this.runner.withBean("tenantRequestFilter", FilterRegistrationBean.class, () -> mine)
			.run((context) -> assertThat(context.getBean("tenantRequestFilter")).isSameAs(mine));
	}

}
