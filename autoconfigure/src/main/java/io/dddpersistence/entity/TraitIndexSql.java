package io.dddpersistence.entity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.hibernate.boot.model.relational.AuxiliaryDatabaseObject;
import org.hibernate.mapping.Table;

import io.dddpersistence.vendor.DatabaseVendor;

/**
 * How one database writes the archive indexes of the entity traits and lists the indexes that
 * exist, for the start-up check. PostgreSQL has partial indexes; H2 has none, so it indexes the
 * whole column and makes unique-among-active a unique index over a generated column that is NULL
 * for archived rows (H2, like the SQL standard, lets NULLs repeat in a unique index).
 */
sealed interface TraitIndexSql permits TraitIndexSql.Postgres, TraitIndexSql.H2 {

	/** The generated column H2 tables with unique-among-active groups get: TRUE when active, else NULL. */
	String H2_ACTIVE_MARKER = "ddd_active";

	static TraitIndexSql of(DatabaseVendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> new Postgres();
			case H2 -> new H2();
		};
	}

	/** An index over the archive column for active rows ({@code where} is the active condition). */
	AuxiliaryDatabaseObject filteredIndex(Table table, String name, String column, String where);

	/** A unique index over the columns among active rows. */
	AuxiliaryDatabaseObject uniqueAmongActive(Table table, String name, List<String> columns, String activeCondition);

	/** The statement of {@link #filteredIndex} on the table named so, as the start-up check prints it. */
	String filteredIndexStatement(String table, String name, String column, String where);

	/** The statements of {@link #uniqueAmongActive} on the table named so, as the start-up check prints them. */
	String uniqueAmongActiveStatement(String table, String name, List<String> columns, String activeCondition);

	/** A query whose first column lists the names of the indexes in the current schema. */
	String presentIndexesQuery();

	/** A query whose first column lists the columns of one table (the parameter) in the current schema. */
	String presentColumnsQuery();

	/** Aligns database settings that change query results with PostgreSQL's, the reference behaviour. */
	default void alignWithPostgres(Connection connection) throws SQLException {
	}

	record Postgres() implements TraitIndexSql {

		@Override
		public AuxiliaryDatabaseObject filteredIndex(Table table, String name, String column, String where) {
			return new PostgresIndexDdl(table, name, false, null, List.of(column), where);
		}

		@Override
		public AuxiliaryDatabaseObject uniqueAmongActive(Table table, String name, List<String> columns,
				String activeCondition) {
			return new PostgresIndexDdl(table, name, true, null, columns, activeCondition);
		}

		@Override
		public String filteredIndexStatement(String table, String name, String column, String where) {
			return PostgresIndexDdl.printed(table, name, false, null, List.of(column), where);
		}

		@Override
		public String uniqueAmongActiveStatement(String table, String name, List<String> columns,
				String activeCondition) {
			return PostgresIndexDdl.printed(table, name, true, null, columns, activeCondition);
		}

		@Override
		public String presentIndexesQuery() {
			return "select indexname from pg_indexes where schemaname = any (current_schemas(false))";
		}

		@Override
		public String presentColumnsQuery() {
			return "select column_name from information_schema.columns "
					+ "where table_schema = any (current_schemas(false)) and lower(table_name) = lower(?)";
		}

	}

	record H2() implements TraitIndexSql {

		@Override
		public AuxiliaryDatabaseObject filteredIndex(Table table, String name, String column, String where) {
			return H2IndexDdl.plain(table, name, List.of(column));
		}

		@Override
		public AuxiliaryDatabaseObject uniqueAmongActive(Table table, String name, List<String> columns,
				String activeCondition) {
			return H2IndexDdl.uniqueAmongActive(table, amongActive(name, columns, activeCondition));
		}

		@Override
		public String filteredIndexStatement(String table, String name, String column, String where) {
			return H2IndexDdl.Definition.plain(name, List.of(column)).printed(table);
		}

		@Override
		public String uniqueAmongActiveStatement(String table, String name, List<String> columns,
				String activeCondition) {
			return amongActive(name, columns, activeCondition).printed(table);
		}

		private static H2IndexDdl.Definition amongActive(String name, List<String> columns, String activeCondition) {
			return H2IndexDdl.Definition.uniqueAmongActive(name, columns,
					"case when " + activeCondition + " then true end", H2_ACTIVE_MARKER);
		}

		@Override
		public String presentIndexesQuery() {
			return "select index_name from information_schema.indexes where table_schema = current_schema";
		}

		@Override
		public String presentColumnsQuery() {
			return "select column_name from information_schema.columns "
					+ "where table_schema = current_schema and lower(table_name) = lower(?)";
		}

		/**
		 * H2 sorts NULLs first in ascending order by default, PostgreSQL last (first when descending):
		 * sorting and keyset scrolling over a nullable column would differ. HIGH is PostgreSQL's rule.
		 */
		@Override
		public void alignWithPostgres(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(
							"select setting_value from information_schema.settings where setting_name = 'DEFAULT_NULL_ORDERING'")) {
				if (rows.next() && "HIGH".equalsIgnoreCase(rows.getString(1))) {
					return;
				}
				statement.execute("set default_null_ordering high");
			}
		}

	}

}
