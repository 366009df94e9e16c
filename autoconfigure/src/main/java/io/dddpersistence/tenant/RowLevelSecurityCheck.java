package io.dddpersistence.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import io.dddpersistence.entity.SchemaFindings;

/**
 * With row-level security on, checks at start-up that every tenant-scoped table has it: enabled,
 * forced (so the table owner is bound too) and the library's policy. A schema built by migrations
 * that left them out would otherwise run with the filters as the only wall, silently. A missing
 * one fails start-up (or is logged, as {@code ddd.persistence.entity.index-check} says), with the
 * DDL that adds it.
 */
final class RowLevelSecurityCheck {

	private static final String STATE = """
			SELECT c.relrowsecurity, c.relforcerowsecurity,
			       EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = ?)
			FROM pg_class c WHERE c.oid = to_regclass(?)""";

	private final EntityManagerFactory entityManagerFactory;

	private final DataSource dataSource;

	private final SchemaFindings findings;

	RowLevelSecurityCheck(EntityManagerFactory entityManagerFactory, DataSource dataSource, SchemaFindings findings) {
		this.findings = findings;
		this.entityManagerFactory = entityManagerFactory;
		this.dataSource = dataSource;
	}

	void verify() {
		if (!this.findings.wanted()) {
			return;
		}
		List<String> problems = new ArrayList<>();
		List<String> statements = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(STATE)) {
			for (TenantTables.Table table : TenantTables.of(this.entityManagerFactory)) {
				statement.setString(1, RowLevelSecurityDdl.POLICY);
				statement.setString(2, table.name());
				try (ResultSet rows = statement.executeQuery()) {
					// a table that is not there (or not on the search path) is the mapping's problem, as in the other checks
					String missing = rows.next() ? missing(rows) : "";
					if (!missing.isEmpty()) {
						for (String ddl : RowLevelSecurityDdl.statements(table.name(), table.policyConditions())) {
							statements.add(ddl + ";");
						}
						problems.add(table.name() + " (" + table.entity() + "): " + missing + "\n    "
								+ String.join(";\n    ", RowLevelSecurityDdl.statements(table.name(), table.policyConditions()))
								+ ";");
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not check row-level security: " + ex.getMessage(), ex);
		}
		if (problems.isEmpty()) {
			return;
		}
		this.findings.missing(SchemaFindings.Section.ROW_LEVEL_SECURITY,
				"row-level security for the tenant tables (ddd.persistence.tenant.row-level-security=true)", statements,
				"ddd.persistence.tenant.row-level-security=true, but tenant tables lack it:\n  "
						+ String.join("\n  ", problems)
						+ "\nAdd these statements to your migrations, or set ddd.persistence.entity.index-check=warn or off.");
	}

	private static String missing(ResultSet rows) throws SQLException {
		List<String> missing = new ArrayList<>();
		if (!rows.getBoolean(1)) {
			missing.add("row level security is not enabled");
		}
		if (!rows.getBoolean(2)) {
			missing.add("not forced");
		}
		if (!rows.getBoolean(3)) {
			missing.add("no policy " + RowLevelSecurityDdl.POLICY);
		}
		return String.join(", ", missing);
	}

}
