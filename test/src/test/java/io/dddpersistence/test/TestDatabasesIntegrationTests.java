package io.dddpersistence.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabasesIntegrationTests {

	@Test
	void everyCallGivesAnEmptyDatabaseOfItsOwnWithPostgis() throws Exception {
		TestDatabase first = TestDatabases.create();
		TestDatabase second = TestDatabases.create();
		assertThat(first.name()).isNotEqualTo(second.name());
		try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE only_in_first (id int)");
			try (ResultSet rows = statement.executeQuery("SELECT postgis_version()")) {
				assertThat(rows.next()).isTrue();
			}
		}
		try (Connection connection = second.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT to_regclass('only_in_first') IS NULL")) {
			rows.next();
			assertThat(rows.getBoolean(1)).isTrue();
		}
	}

	@Test
	void aMigratedSchemaIsMigratedOnceAndClonedAfterIntoDatabasesOfTheirOwn() throws Exception {
		String key = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		AtomicInteger migrations = new AtomicInteger();
		Consumer<TestDatabase> migration = (database) -> {
			migrations.incrementAndGet();
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE migrated (id int)");
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		};
		TestDatabase first = TestDatabases.createMigrated(key, migration);
		TestDatabase second = TestDatabases.createMigrated(key, migration);
		// the second clone made a spare, which the third takes
		TestDatabases.awaitSpares();
		TestDatabase third = TestDatabases.createMigrated(key, migration);
		assertThat(migrations).hasValue(1);
		assertThat(Set.of(first.name(), second.name(), third.name())).hasSize(3);
		try (Connection connection = second.connect(); Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO migrated VALUES (1)");
		}
		try (Connection connection = third.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM migrated")) {
			rows.next();
			assertThat(rows.getInt(1)).isZero();
		}
	}

}
