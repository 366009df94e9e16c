package io.dddpersistence.tenant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.dddpersistence.tenant.typedfixtures.StationTicket;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import io.dddpersistence.testsupport.JpaContextRunners;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ddd.persistence.entity.migration-script}: on a table that lacks a trait column, a trait
 * index, its tenant index and its row-level security, the start-up checks write one script instead
 * of failing; applied, it makes the same checks pass; on the aligned database nothing is written.
 */
class AlignmentScriptIntegrationTests {

	private final TestDatabase database = TestDatabases.create();

	private final ApplicationContextRunner runner = JpaContextRunners.withEntityTraits(this.database)
		.withUserConfiguration(Stations.class)
		.withPropertyValues("ddd.persistence.tenant.row-level-security=true");

	@Test
	void theChecksWriteAScriptThatAlignsTheDatabaseAndNothingOnceItIsAligned(@TempDir Path directory)
			throws Exception {
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> assertThat(context).hasNotFailed());
		execute("""
				alter table station_tickets drop column created_by_user_id;
				drop index ix_station_tickets_archivable_active;
				drop index ix_station_tickets_station_id_deleted_at;
				drop policy ddd_tenant_isolation on station_tickets;
				alter table station_tickets no force row level security;
				alter table station_tickets disable row level security;
				""");
		Path script = directory.resolve("V7__align.sql");
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none",
				"ddd.persistence.entity.migration-script=" + script)
			.run((context) -> assertThat(context).hasNotFailed());
		String written = Files.readString(script, StandardCharsets.UTF_8);
		assertThat(written)
			.contains("alter table station_tickets add column created_by_user_id varchar(255);")
			.contains("create index ix_station_tickets_archivable_active on station_tickets (deleted_at) "
					+ "where deleted_at is null;")
			.contains("create index ix_station_tickets_station_id_deleted_at on station_tickets (station_id, deleted_at);")
			.contains("alter table station_tickets enable row level security;")
			.contains("create policy ddd_tenant_isolation on station_tickets")
			.doesNotContain("ledger_entries");
		assertThat(written.indexOf("add column")).as("columns come first").isLessThan(written.indexOf("create index"));

		execute(written);
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> assertThat(context).hasNotFailed());
		Files.delete(script);
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none",
				"ddd.persistence.entity.migration-script=" + script)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(script).as("an aligned database gets no script").doesNotExist();
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
