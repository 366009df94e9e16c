package io.dddpersistence.entity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.dddpersistence.entity.fkconflictfixtures.Transfer;
import io.dddpersistence.entity.fknamingfixtures.Note;
import io.dddpersistence.testsupport.JpaContextRunners;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;

import static io.dddpersistence.testsupport.JpaContextRunners.startupFailureCause;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated foreign keys are named after their columns by default ({@code fk_notes_writer_id}), or
 * after the referenced table with {@code ddd.persistence.entity.foreign-key-naming=target}
 * ({@code fk_notes_authors_id}, seed 004's convention), where two foreign keys of one table to the
 * same table fail start-up naming the table and both columns.
 */
class ForeignKeyNamingTests {

	private final TestDatabase database = TestDatabases.create();

	private final ApplicationContextRunner runner = JpaContextRunners.withEntityTraits(this.database)
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=create");

	@Test
	void byDefaultAForeignKeyIsNamedAfterItsColumns() throws Exception {
		this.runner.withUserConfiguration(Notes.class)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(foreignKeysOf("notes")).containsExactly("fk_notes_writer_id");
	}

	@Test
	void withTargetNamingAForeignKeyIsNamedAfterTheReferencedTable() throws Exception {
		this.runner.withUserConfiguration(Notes.class)
			.withPropertyValues("ddd.persistence.entity.foreign-key-naming=target")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(foreignKeysOf("notes")).containsExactly("fk_notes_authors_id");
	}

	@Test
	void withTargetNamingTwoForeignKeysToOneTableFailStartUpNamingBoth() {
		this.runner.withUserConfiguration(Transfers.class)
			.withPropertyValues("ddd.persistence.entity.foreign-key-naming=target")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining("Table transfers")
				.hasMessageContaining("source_id")
				.hasMessageContaining("target_id")
				.hasMessageContaining("fk_transfers_accounts_id")
				.hasMessageContaining("@ForeignKey"));
	}

	@Test
	void withColumnNamingTwoForeignKeysToOneTableStart() {
		this.runner.withUserConfiguration(Transfers.class).run((context) -> assertThat(context).hasNotFailed());
	}

	private List<String> foreignKeysOf(String table) throws Exception {
		List<String> names = new ArrayList<>();
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select constraint_name from information_schema.table_constraints "
						+ "where constraint_type = 'FOREIGN KEY' and table_name = '" + table + "'")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Note.class)
	static class Notes {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Transfer.class)
	static class Transfers {

	}

}
