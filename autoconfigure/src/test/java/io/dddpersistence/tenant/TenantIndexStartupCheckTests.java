package io.dddpersistence.tenant;

import java.sql.Connection;
import java.sql.Statement;

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
 * A tenant column that no index starts with fails start-up with the statement that adds one; any
 * index that starts with the tenant column will do.
 */
class TenantIndexStartupCheckTests {

	private final TestDatabase database = TestDatabases.create();

	private final ApplicationContextRunner runner = JpaContextRunners.withEntityTraits(this.database)
		.withUserConfiguration(Stations.class);

	@Test
	void aTenantColumnWithoutAnIndexFailsStartUpWithTheStatementThatAddsIt() throws Exception {
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> assertThat(context).hasNotFailed());
		execute("drop index ix_station_tickets_station_id_deleted_at");
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining("Tenant columns that no index starts with")
				.hasMessageContaining("station_tickets.station_id (" + StationTicket.class.getName() + "): "
						+ "create index ix_station_tickets_station_id_deleted_at on station_tickets (station_id, deleted_at);")
				.satisfies((failure) -> assertThat(failure.getMessage()).doesNotContain("ledger_entries")));
	}

	@Test
	void anyIndexThatStartsWithTheTenantColumnWillDo() throws Exception {
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> assertThat(context).hasNotFailed());
		execute("drop index ix_ledger_entries_business_id");
		execute("create index ledger_entries_by_business_and_label on ledger_entries (business_id, label)");
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private void execute(String sql) throws Exception {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = StationTicket.class)
	static class Stations {

	}

}
