package io.dddpersistence.tenant;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.dddpersistence.tenant.uniquefixtures.pertenant.Coupon;
import io.dddpersistence.testsupport.JpaContextRunners;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;

import static io.dddpersistence.testsupport.JpaContextRunners.startupFailureCause;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a tenant entity, unique among active means unique per tenant, or across tenants only when
 * the entity says so: a global unique index would let one tenant learn what another holds.
 */
class TenantUniqueAmongActiveTests {

	private final TestDatabase database = TestDatabases.create();

	private final ApplicationContextRunner runner = JpaContextRunners.withEntityTraits(this.database)
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=create");

	@Test
	void aGroupThatLeavesTheTenantColumnOutFailsStartUpSayingHowToFixIt() {
		this.runner.withUserConfiguration(Global.class)
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining(io.dddpersistence.tenant.uniquefixtures.global.Coupon.class.getName())
				.hasMessageContaining("without its tenant column [tenant_id]")
				.hasMessageContaining("@UniqueAmongActive({\"tenant_id\", \"code\"})")
				.hasMessageContaining("acrossTenants = true"));
	}

	@Test
	void aGroupDeclaredAcrossTenantsStartsAndIsUniqueAcrossTenants() {
		this.runner.withUserConfiguration(Across.class).run((context) -> {
			assertThat(context).hasNotFailed();
			EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
			TenantScope.run("acme", () -> persist(factory, new io.dddpersistence.tenant.uniquefixtures.across.Coupon("X")));
			assertThatThrownBy(() -> TenantScope.run("globex",
					() -> persist(factory, new io.dddpersistence.tenant.uniquefixtures.across.Coupon("X"))))
				.isInstanceOf(RuntimeException.class);
		});
	}

	@Test
	void aGroupWithTheTenantColumnIsUniquePerTenant() {
		this.runner.withUserConfiguration(PerTenant.class).run((context) -> {
			assertThat(context).hasNotFailed();
			EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
			TenantScope.run("acme", () -> persist(factory, new Coupon("X")));
			TenantScope.run("globex", () -> persist(factory, new Coupon("X")));
			assertThatThrownBy(() -> TenantScope.run("acme", () -> persist(factory, new Coupon("X"))))
				.isInstanceOf(RuntimeException.class);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForList("SELECT tenant_id FROM coupons WHERE code = 'X' ORDER BY tenant_id",
					String.class))
				.containsExactly("acme", "globex");
		});
	}

	private static void persist(EntityManagerFactory factory, Object entity) {
		try (EntityManager entityManager = factory.createEntityManager()) {
			entityManager.getTransaction().begin();
			try {
				entityManager.persist(entity);
				entityManager.getTransaction().commit();
			}
			finally {
				if (entityManager.getTransaction().isActive()) {
					entityManager.getTransaction().rollback();
				}
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = io.dddpersistence.tenant.uniquefixtures.global.Coupon.class)
	static class Global {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = io.dddpersistence.tenant.uniquefixtures.across.Coupon.class)
	static class Across {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Coupon.class)
	static class PerTenant {

	}

}
