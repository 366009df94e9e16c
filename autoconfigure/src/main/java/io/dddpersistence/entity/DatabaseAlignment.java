package io.dddpersistence.entity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.vendor.DatabaseVendors;

/**
 * Makes a database give the results PostgreSQL gives where a setting decides them (on H2: where
 * NULLs sort), once, when the entity manager factory is ready and before anything queries.
 */
final class DatabaseAlignment {

	private DatabaseAlignment() {
	}

	static void apply(DataSource dataSource, DatabaseVendors vendors) {
		Optional<DatabaseVendor> vendor = vendors.find(dataSource);
		if (vendor.isEmpty()) {
			return;
		}
		try (Connection connection = dataSource.getConnection()) {
			TraitIndexSql.of(vendor.get()).alignWithPostgres(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not align the database's NULL ordering with PostgreSQL's ("
					+ ex.getMessage() + "); on H2 add ;DEFAULT_NULL_ORDERING=HIGH to the JDBC URL.", ex);
		}
	}

}
