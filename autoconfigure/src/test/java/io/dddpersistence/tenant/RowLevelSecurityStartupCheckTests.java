package io.dddpersistence.tenant;

import org.junit.jupiter.api.Test;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.dddpersistence.tenant.typedfixtures.StationTicket;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import io.dddpersistence.testsupport.JpaContextRunners;

import static io.dddpersistence.testsupport.JpaContextRunners.startupFailureCause;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With row-level security on, a schema whose migrations left the policies out fails start-up,
 * naming each tenant table and printing the statements that add them, instead of running with the
 * filters as the only wall.
 */
class RowLevelSecurityStartupCheckTests {

	private final TestDatabase database = TestDatabases.create();

	private final ApplicationContextRunner runner = JpaContextRunners.withEntityTraits(this.database)
		.withUserConfiguration(Stations.class);

	@Test
	void tenantTablesWithoutRowLevelSecurityFailStartUpWithTheDdlThatAddsIt() {
		// the tables as a migration that forgot the policies leaves them
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none", "ddd.persistence.tenant.row-level-security=true")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining("ddd.persistence.tenant.row-level-security=true, but tenant tables lack it")
				.hasMessageContaining("station_tickets (" + StationTicket.class.getName() + ")")
				.hasMessageContaining("row level security is not enabled, not forced, no policy ddd_tenant_isolation")
				.hasMessageContaining("create policy ddd_tenant_isolation on station_tickets using (station_id = "
						+ "cast(nullif(current_setting('ddd.tenant_station', true), '') as uuid))")
				.hasMessageContaining("ledger_entries"));
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none", "ddd.persistence.tenant.row-level-security=true",
				"ddd.persistence.entity.index-check=warn")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void tenantTablesWithTheirPoliciesStart() {
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=create", "ddd.persistence.tenant.row-level-security=true")
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none", "ddd.persistence.tenant.row-level-security=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = StationTicket.class)
	static class Stations {

	}

}
