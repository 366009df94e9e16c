package io.dddpersistence.migration;

import javax.sql.DataSource;

import io.dddpersistence.vendor.DatabaseVendors;

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

	private final DatabaseVendors vendors;

	/** The schema of a capability on a data source whose vendor is read when it migrates. */
	public LibrarySchema(DataSource dataSource, String capability) {
		this(dataSource, capability, new DatabaseVendors());
	}

	/**
	 * The schema of a capability ({@code outbox}, {@code event-store}) on a data source.
	 * @param vendors where the data source's vendor, which picks the script folder, is decided
	 */
	public LibrarySchema(DataSource dataSource, String capability, DatabaseVendors vendors) {
		this.dataSource = dataSource;
		this.capability = capability;
		this.vendors = vendors;
	}

	/** Applies the capability's pending scripts; does nothing when the schema is current. */
	public void migrate() {
		String vendor = this.vendors
			.require(this.dataSource, "The " + this.capability + " tables",
					"ddd.persistence." + this.capability + ".enabled=false")
			.folder();
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

}
