package io.dddpersistence.tenant;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.dddpersistence.tenant.alignmentfixtures.Depot;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import io.dddpersistence.testsupport.JpaContextRunners;
import io.dddpersistence.vendor.DatabaseVendor;

import static io.dddpersistence.testsupport.JpaContextRunners.startupFailureCause;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index statements of the migration script run as written: from a table without the index of
 * each trait (audit, archive, unique-among-active, spatial, tenant), the script the checks write,
 * applied to the database, makes the checks pass, and a second run writes nothing. The H2 subclass
 * runs the same round trip with H2's statements.
 */
class IndexScriptRoundTripIntegrationTests {

	private TestDatabase database;

	private ApplicationContextRunner runner;

	/** The database the round trip runs on; the H2 subclass overrides it. */
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	/** What the script says to create each index with on the database. */
	List<String> expectedStatements() {
		return List.of("create index ix_depots_updated_at on depots (updated_at);",
				"create index ix_depots_archived_at on depots (archived_at);",
				"create index ix_depots_archivable_active on depots (archived_at) where archived_at is null;",
				"create index ix_depots_archivable_archived on depots (archived_at) where archived_at is not null;",
				"create unique index uq_depots_archivable_code_tenant_id on depots (code, tenant_id) "
						+ "where archived_at is null;",
				"create index ix_depots_location on depots using gist (location);",
				"create index ix_depots_tenant_id_archived_at on depots (tenant_id, archived_at);");
	}

	/** Drops every index the traits declare, as a migration that forgot them would leave the table. */
	String dropTheTraitIndexes() {
		return """
				drop index ix_depots_updated_at;
				drop index ix_depots_archived_at;
				drop index ix_depots_archivable_active;
				drop index ix_depots_archivable_archived;
				drop index uq_depots_archivable_code_tenant_id;
				drop index ix_depots_location;
				drop index ix_depots_tenant_id_archived_at;
				""";
	}

	/** The statement the failure message gives for the unique-among-active index. */
	String uniqueAmongActiveStatement() {
		return "create unique index uq_depots_archivable_code_tenant_id on depots (code, tenant_id) "
				+ "where archived_at is null;";
	}

	@BeforeEach
	void database() {
		this.database = (vendor() == DatabaseVendor.H2) ? TestDatabases.createH2() : TestDatabases.create();
		this.runner = JpaContextRunners.withEntityTraits(this.database)
			.withUserConfiguration(Depots.class)
			.withPropertyValues("ddd.persistence.entity.index-check=fail");
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theScriptCreatesEveryMissingTraitIndexAndTheChecksThenPass(@TempDir Path directory) throws Exception {
		execute(dropTheTraitIndexes());
		Path script = directory.resolve("V2__trait_indexes.sql");
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none",
				"ddd.persistence.entity.migration-script=" + script)
			.run((context) -> assertThat(context).hasNotFailed());
		String written = Files.readString(script, StandardCharsets.UTF_8);
		assertThat(written).contains(expectedStatements()).doesNotContain("see the DDL");

		execute(written);
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> assertThat(context).hasNotFailed());
		Files.delete(script);
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none",
				"ddd.persistence.entity.migration-script=" + script)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(script).as("an aligned database gets no script").doesNotExist();
	}

	@Test
	void aMissingIndexFailsStartUpWithTheStatementThatCreatesIt() throws Exception {
		execute("drop index uq_depots_archivable_code_tenant_id");
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining("uq_depots_archivable_code_tenant_id on depots (" + Depot.class.getName() + "): ")
				.hasMessageContaining(uniqueAmongActiveStatement().replace("\n", "\n    "))
				.satisfies((failure) -> assertThat(failure.getMessage()).doesNotContain("see the DDL")));
	}

	private void execute(String sql) throws Exception {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Depot.class)
	static class Depots {

	}

}
