package io.dddpersistence.migration;

import javax.sql.DataSource;

import io.dddpersistence.vendor.DatabaseVendor;

import org.flywaydb.core.Flyway;

/**
 * Creates or upgrades the tables of one library capability with the Flyway scripts under
 * {@code classpath:db/ddd-persistence/<capability>/<vendor>/}, tracked in a history table of its
 * own ({@code ddd_<capability>_schema_history}). Keeping the library's scripts apart from the
 * application's means their version numbers never clash and either side can be upgraded alone.
 * Users who own the schema themselves turn this off and copy the scripts into their migrations.
 */
public final class LibrarySchema {

	private final DataSource dataSource;

	private final String capability;

	public LibrarySchema(DataSource dataSource, String capability) {
		this.dataSource = dataSource;
		this.capability = capability;
	}

	/** Applies the capability's pending scripts; does nothing when the schema is current. */
	public void migrate() {
		String vendor = vendor(this.dataSource, this.capability);
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/ddd-persistence/" + this.capability + "/" + vendor)
			.table("ddd_" + this.capability.replace('-', '_') + "_schema_history")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.failOnMissingLocations(true)
			.load()
			.migrate();
	}

	/** The script folder name for the database behind the data source. */
	static String vendor(DataSource dataSource, String capability) {
		return DatabaseVendor.of(dataSource, "the " + capability + " tables").folder();
	}

}
