package io.dddpersistence.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import io.dddpersistence.entity.ConstraintNames;
import io.dddpersistence.entity.SchemaFindings;
import io.dddpersistence.vendor.DatabaseVendor;

/**
 * Checks at start-up that each tenant column leads an index of its table: every read of a tenant
 * entity filters on it, and without one each is a scan of every tenant's rows. Any index whose first
 * column is the tenant column will do ({@code (tenant_id, name)} as well as the schema export's
 * {@code ix_<table>_<tenant>_<archive>}). A missing one fails start-up (or is logged, as
 * {@code ddd.persistence.entity.index-check} says), with the statement that adds it.
 */
final class TenantIndexCheck {

	private static final String POSTGRES_LEADING_COLUMNS = """
			SELECT a.attname FROM pg_index i
			JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
			WHERE i.indrelid = to_regclass(?)""";

	private static final String H2_LEADING_COLUMNS = """
			SELECT column_name FROM information_schema.index_columns
			WHERE table_schema = current_schema AND lower(table_name) = lower(?) AND ordinal_position = 1""";

	private static final String POSTGRES_TABLE = "SELECT count(*) FROM pg_class WHERE oid = to_regclass(?)";

	private static final String H2_TABLE = """
			SELECT count(*) FROM information_schema.tables
			WHERE table_schema = current_schema AND lower(table_name) = lower(?)""";

	private final EntityManagerFactory entityManagerFactory;

	private final DataSource dataSource;

	private final DatabaseVendor vendor;

	private final SchemaFindings findings;

	TenantIndexCheck(EntityManagerFactory entityManagerFactory, DataSource dataSource, DatabaseVendor vendor,
			SchemaFindings findings) {
		this.entityManagerFactory = entityManagerFactory;
		this.dataSource = dataSource;
		this.vendor = vendor;
		this.findings = findings;
	}

	void verify() {
		if (!this.findings.wanted()) {
			return;
		}
		List<TenantTables.Table> tables = TenantTables.of(this.entityManagerFactory);
		if (tables.isEmpty()) {
			return;
		}
		List<String> missing = new ArrayList<>();
		List<String> statements = new ArrayList<>();
		boolean postgres = this.vendor == DatabaseVendor.POSTGRESQL;
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement exists = connection.prepareStatement(postgres ? POSTGRES_TABLE : H2_TABLE);
				PreparedStatement statement = connection.prepareStatement(
						postgres ? POSTGRES_LEADING_COLUMNS : H2_LEADING_COLUMNS)) {
			for (TenantTables.Table table : tables) {
				// a table that is not there is the mapping's problem (ddl-auto=validate, or the first query), not this check's
				if (!exists(exists, table.name())) {
					continue;
				}
				Set<String> leading = leadingColumns(statement, table.name());
				for (TenantTables.Column column : table.columns()) {
					if (!leading.contains(column.name().toLowerCase(Locale.ROOT))) {
						missing.add(table.name() + "." + column.name() + " (" + table.entity() + "): " + ddl(table, column));
						statements.add(ddl(table, column));
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not check the tenant indexes: " + ex.getMessage(), ex);
		}
		if (missing.isEmpty()) {
			return;
		}
		this.findings.missing(SchemaFindings.Section.TENANT_INDEXES,
				"an index for each tenant column, which every read of its entity filters on", statements,
				"Tenant columns that no index starts with (each read of their entity would scan every tenant's rows):\n  "
						+ String.join("\n  ", missing)
						+ "\nAdd these statements (or any index that starts with the tenant column) to your migrations, "
						+ "or set ddd.persistence.entity.index-check=warn or off.");
	}

	private static boolean exists(PreparedStatement statement, String table) throws SQLException {
		statement.setString(1, table);
		try (ResultSet rows = statement.executeQuery()) {
			return rows.next() && rows.getLong(1) > 0;
		}
	}

	private static Set<String> leadingColumns(PreparedStatement statement, String table) throws SQLException {
		Set<String> columns = new HashSet<>();
		statement.setString(1, table);
		try (ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
			}
		}
		return columns;
	}

	// the index the schema export creates (TenantMappingContributor)
	private static String ddl(TenantTables.Table table, TenantTables.Column column) {
		List<String> columns = new ArrayList<>(List.of(column.name()));
		String archive = table.archiveColumn();
		if (archive != null) {
			columns.add(archive);
		}
		return "create index " + ConstraintNames.index(table.name(), columns) + " on " + table.name() + " ("
				+ String.join(", ", columns) + ");";
	}

}
