package io.dddpersistence.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

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

}
