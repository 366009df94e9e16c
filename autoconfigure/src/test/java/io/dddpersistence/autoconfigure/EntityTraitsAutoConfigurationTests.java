package io.dddpersistence.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.domain.AuditorAware;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.dddpersistence.entity.AuditSource;
import io.dddpersistence.entity.EntityProperties;
import io.dddpersistence.entity.TraitNamingStrategy;
import io.dddpersistence.tenant.TenantResolver;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTraitsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(EntityTraitsAutoConfiguration.class, TenantAutoConfiguration.class,
					SpatialAutoConfiguration.class, EntityOperationsAutoConfiguration.class));

	@AfterEach
	void clearSecurity() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void providesClockAuditSourceNamingStrategyAndBatchingSettings() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(Clock.class)
				.hasSingleBean(AuditSource.class)
				.hasSingleBean(TraitNamingStrategy.class);
			Map<String, Object> settings = new HashMap<>();
			context.getBeansOfType(HibernatePropertiesCustomizer.class).values().forEach((c) -> c.customize(settings));
			assertThat(settings).containsEntry("hibernate.jdbc.batch_size", 50)
				.containsEntry("hibernate.order_inserts", true)
				.containsEntry("hibernate.order_updates", true)
				.containsEntry("hibernate.jdbc.time_zone", "UTC");
		});
	}

	@Test
	void explicitHibernateSettingsWin() {
		this.runner.withPropertyValues("ddd.persistence.entity.batch-size=200").run((context) -> {
			Map<String, Object> settings = new HashMap<>();
			settings.put("hibernate.order_inserts", false);
			context.getBeansOfType(HibernatePropertiesCustomizer.class).values().forEach((c) -> c.customize(settings));
			assertThat(settings).containsEntry("hibernate.jdbc.batch_size", 200).containsEntry("hibernate.order_inserts", false);
		});
	}

	@Test
	void aZeroBatchSizeFailsNamingTheProperty() {
		this.runner.withPropertyValues("ddd.persistence.entity.batch-size=0")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("ddd.persistence.entity.batch-size"));
	}

	@Test
	void boundWithNothingTheSettingsAreTheDefaults() {
		this.runner.run((context) -> assertThat(context.getBean(EntityProperties.class)).isEqualTo(EntityProperties.DEFAULTS));
		assertThat(EntityProperties.DEFAULTS)
			.isEqualTo(new EntityProperties("system", EntityProperties.IndexCheck.FAIL, 50, true, null,
					new EntityProperties.Columns(null, null, null, null, null, null, null),
					EntityProperties.ForeignKeyNaming.COLUMNS));
	}

	@Test
	void anUnknownIndexCheckFailsNamingTheProperty() {
		this.runner.withPropertyValues("ddd.persistence.entity.index-check=sometimes")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("ddd.persistence.entity.index-check"));
	}

	@Test
	void aUserBatchingCustomizerReplacesTheLibrarysByName() {
		HibernatePropertiesCustomizer mine = (settings) -> settings.put("hibernate.jdbc.batch_size", 7);
		this.runner.withBean("dddPersistenceBatchingCustomizer", HibernatePropertiesCustomizer.class, () -> mine)
			.run((context) -> {
				Map<String, Object> settings = new HashMap<>();
				context.getBeansOfType(HibernatePropertiesCustomizer.class).values().forEach((c) -> c.customize(settings));
				assertThat(settings).containsEntry("hibernate.jdbc.batch_size", 7).doesNotContainKey("hibernate.order_inserts");
			});
	}

	@Test
	void userBeansReplaceTheLibrarysOwn() {
		Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
		ImplicitNamingStrategy naming = new ImplicitNamingStrategyJpaCompliantImpl();
		this.runner.withBean(Clock.class, () -> fixed)
			.withBean(ImplicitNamingStrategy.class, () -> naming)
			.run((context) -> {
				assertThat(context.getBean(Clock.class)).isSameAs(fixed);
				assertThat(context.getBean(AuditSource.class).clock()).isSameAs(fixed);
				assertThat(context.getBean(ImplicitNamingStrategy.class)).isSameAs(naming);
			});
	}

	@Test
	void actorComesFromAuditorAwareThenSecurityThenTheSystemName() {
		this.runner.withPropertyValues("ddd.persistence.entity.system-actor=batch").run((context) -> {
			AuditSource source = context.getBean(AuditSource.class);
			assertThat(source.actor().get()).isEqualTo("batch");
			SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("dora", "pw", "ROLE_USER"));
			assertThat(source.actor().get()).isEqualTo("dora");
		});
		this.runner.withBean(AuditorAware.class, () -> () -> Optional.of(42L))
			.run((context) -> assertThat(context.getBean(AuditSource.class).actor().get()).isEqualTo("42"));
	}

	@Test
	void withoutSpringSecurityTheSystemNameIsUsed() {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
			.run((context) -> assertThat(context.getBean(AuditSource.class).actor().get()).isEqualTo("system"));
	}

	@Test
	void spatialBacksOffWithoutJts() {
		this.runner.withClassLoader(new FilteredClassLoader(Geometry.class))
			.run((context) -> assertThat(context).doesNotHaveBean("spatialIndexes"));
		this.runner.run((context) -> assertThat(context).hasBean("spatialIndexes"));
	}

	@Test
	void archivingNeedsAnEntityManagerFactory() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(io.dddpersistence.entity.Archiving.class));
	}

	@Test
	void theTenantHeaderResolverIsOnlyForServletWebApplications() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(TenantResolver.class));
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EntityTraitsAutoConfiguration.class, TenantAutoConfiguration.class))
			.withPropertyValues("ddd.persistence.tenant.header=X-Org", "ddd.persistence.tenant.level-headers.station=X-Station")
			.run((context) -> {
				assertThat(context).hasSingleBean(TenantResolver.class).hasBean("tenantResolver").hasBean("tenantRequestFilter");
				org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest();
				request.addHeader("X-Org", "acme");
				request.addHeader("X-Station", "s1");
				assertThat(context.getBean(TenantResolver.class).resolve(request))
					.containsEntry("tenant", "acme")
					.containsEntry("station", "s1");
			});
	}

	@Test
	void aUserTenantResolverReplacesTheHeaderOne() {
		TenantResolver mine = (request) -> Map.of("tenant", "fixed");
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EntityTraitsAutoConfiguration.class, TenantAutoConfiguration.class))
			.withBean(TenantResolver.class, () -> mine)
			.run((context) -> assertThat(context.getBean(TenantResolver.class)).isSameAs(mine));
	}

}
