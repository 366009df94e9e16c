package io.dddpersistence.entity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.vendor.DatabaseVendors;

/**
 * Checks at start-up that the indexes the entity traits declare exist in the database, so that a
 * Flyway script that forgot a partial or unique-among-active index is found before it lets a
 * duplicate in. On a database the library has no SQL for it does nothing.
 */
final class IndexCheck {

	private final DataSource dataSource;

	private final DatabaseVendors vendors;

	private final SchemaFindings findings;

	IndexCheck(DataSource dataSource, DatabaseVendors vendors, SchemaFindings findings) {
		this.dataSource = dataSource;
		this.vendors = vendors;
		this.findings = findings;
	}

	void verify(List<DeclaredIndex> declared) {
		if (declared.isEmpty()) {
			return;
		}
		// without vendor SQL there is nothing declared beyond Hibernate's own portable indexes to check
		Optional<DatabaseVendor> vendor = this.vendors.find(this.dataSource);
		if (vendor.isEmpty()) {
			return;
		}
		TraitIndexSql sql = TraitIndexSql.of(vendor.get());
		List<DeclaredIndex> missing;
		try (Connection connection = this.dataSource.getConnection()) {
			Set<String> present = presentIndexes(connection, sql);
			missing = declared.stream().filter((index) -> !present.contains(index.name().toLowerCase(Locale.ROOT))).toList();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not check the entity trait indexes: " + ex.getMessage(), ex);
		}
		if (missing.isEmpty()) {
			return;
		}
		boolean postgres = vendor.get() == DatabaseVendor.POSTGRESQL;
		List<String> ddl = new ArrayList<>();
		StringBuilder message = new StringBuilder("Indexes declared by entity traits are missing from the database:");
		for (DeclaredIndex index : missing) {
			String create = index.ddl(vendor.get());
			String described = index.name() + " on " + index.table() + " (" + index.entity() + ")";
			message.append("\n  ").append(described);
			if (create != null) {
				message.append(": ").append(create.replace("\n", "\n    "));
			}
			ddl.add((create != null) ? create : "-- " + described + ": see the DDL Hibernate's schema export prints");
		}
		message.append("\nAdd them to your migrations (the DDL Hibernate's schema export prints contains them")
			.append(postgres ? "; on a large table, create index concurrently in a script of its own" : "")
			.append("), or set ddd.persistence.entity.index-check=warn or off.");
		this.findings.missing(SchemaFindings.Section.INDEXES,
				"indexes the entity traits declare (on a large table, create index concurrently in a script of its own)",
				ddl, message.toString());
	}

	private static Set<String> presentIndexes(Connection connection, TraitIndexSql sql) throws SQLException {
		Set<String> names = new HashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(sql.presentIndexesQuery());
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				names.add(rows.getString(1).toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

}
