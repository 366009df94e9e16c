package io.dddpersistence.entity;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.dddpersistence.vendor.DatabaseVendor;

/**
 * Makes a database give the results PostgreSQL gives where a setting decides them (on H2: where
 * NULLs sort), once, when the entity manager factory is ready and before anything queries.
 */
final class DatabaseAlignment {

	private DatabaseAlignment() {
	}

	public static void apply(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			TraitIndexSql sql;
			try {
				sql = TraitIndexSql.of(DatabaseVendor.ofProduct(product, "aligning database settings"));
			}
			catch (DatabaseVendor.UnsupportedDatabaseException ex) {
				return;
			}
			sql.alignWithPostgres(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not align the database's NULL ordering with PostgreSQL's ("
					+ ex.getMessage() + "); on H2 add ;DEFAULT_NULL_ORDERING=HIGH to the JDBC URL.", ex);
		}
	}

}
