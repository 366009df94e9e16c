package io.dddpersistence.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;

import javax.sql.DataSource;

import io.dddpersistence.vendor.DatabaseVendors;
import org.jspecify.annotations.Nullable;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Creates or upgrades the tables of one library capability with the Flyway scripts under
 * {@code classpath:db/ddd-persistence/<capability>/<vendor>/}, tracked in a history table of its
 * own ({@code ddd_<capability>_schema_history}). Keeping the library's scripts apart from the
 * application's means their version numbers never clash and either side can be upgraded alone.
 * Users who own the schema themselves turn this off and copy the scripts into their migrations.
 * <p>
 * Built {@linkplain #following(Configuration, String, DatabaseVendors) following the application's
 * Flyway} (what Spring Boot configures from {@code spring.flyway.*}), it migrates with the same data
 * source and credentials, schemas, placeholders, connect retries and init SQL, and keeps only what
 * is the library's own: its script locations, its history table, naming and baseline rules.
 */
public final class LibrarySchema {

	private final DataSource dataSource;

	private final String capability;

	private final DatabaseVendors vendors;

	private final @Nullable Configuration application;

	private final LibraryTables tables;

	private volatile @Nullable Flyway flyway;

	/** The schema of a capability on a data source whose vendor is read when it migrates. */
	public LibrarySchema(DataSource dataSource, String capability) {
		this(dataSource, capability, new DatabaseVendors());
	}

	/**
	 * The schema of a capability ({@code outbox}, {@code event-store}) on a data source.
	 * @param vendors where the data source's vendor, which picks the script folder, is decided
	 */
	public LibrarySchema(DataSource dataSource, String capability, DatabaseVendors vendors) {
		this(dataSource, capability, vendors, LibraryTables.DEFAULT);
	}

	/**
	 * The schema of a capability on a data source, its tables where {@code tables} says.
	 * @param vendors where the data source's vendor, which picks the script folder, is decided
	 */
	public LibrarySchema(DataSource dataSource, String capability, DatabaseVendors vendors, LibraryTables tables) {
		this(dataSource, capability, vendors, null, tables);
	}

	private LibrarySchema(DataSource dataSource, String capability, DatabaseVendors vendors,
			@Nullable Configuration application, LibraryTables tables) {
		this.dataSource = dataSource;
		this.capability = capability;
		this.vendors = vendors;
		this.application = application;
		this.tables = tables;
	}

	private LibrarySchema(String capability, Flyway flyway, LibraryTables tables) {
		this(flyway.getConfiguration().getDataSource(), capability, new DatabaseVendors(), null, tables);
		this.flyway = flyway;
	}

	/** The schema of a capability migrated by {@code flyway}, built by {@link #flyway()} of another. */
	public static LibrarySchema migratedBy(String capability, Flyway flyway) {
		return new LibrarySchema(capability, flyway, LibraryTables.DEFAULT);
	}

	/** The schema of a capability whose tables are where {@code tables} says, migrated by {@code flyway}. */
	public static LibrarySchema migratedBy(String capability, Flyway flyway, LibraryTables tables) {
		return new LibrarySchema(capability, flyway, tables);
	}

	/**
	 * The schema of a capability migrated as the application's Flyway migrates: on its data source,
	 * with its credentials, schemas, placeholders, connect retries and init SQL.
	 * @param application the configuration of the application's Flyway (Spring Boot's)
	 */
	public static LibrarySchema following(Configuration application, String capability, DatabaseVendors vendors) {
		return following(application, capability, vendors, LibraryTables.DEFAULT);
	}

	/**
	 * The schema of a capability migrated as the application's Flyway migrates, its tables where
	 * {@code tables} says: in their own schema when it names one, else in the application's.
	 */
	public static LibrarySchema following(Configuration application, String capability, DatabaseVendors vendors,
			LibraryTables tables) {
		return new LibrarySchema(application.getDataSource(), capability, vendors, application, tables);
	}

	/**
	 * Makes the application's Flyway, configured by {@code application}, apply this capability's
	 * scripts (with a Flyway that follows it) just before it applies its own.
	 */
	public static void runFirst(FluentConfiguration application, String capability, DatabaseVendors vendors) {
		runFirst(application, capability, vendors, LibraryTables.DEFAULT);
	}

	/** As {@link #runFirst(FluentConfiguration, String, DatabaseVendors)}, the tables where {@code tables} says. */
	public static void runFirst(FluentConfiguration application, String capability, DatabaseVendors vendors,
			LibraryTables tables) {
		Callback[] callbacks = application.getCallbacks();
		Callback[] withFirst = Arrays.copyOf(callbacks, callbacks.length + 1);
		withFirst[callbacks.length] = new LibraryScriptsFirst(capability, vendors, tables);
		application.callbacks(withFirst);
	}

	/** The history table of this capability's scripts ({@code ddd_outbox_schema_history} by default). */
	public String historyTable() {
		return this.tables.name(this.capability.replace('-', '_') + "_schema_history");
	}

	/** Applies the capability's pending scripts; does nothing when the schema is current. */
	public void migrate() {
		flyway().migrate();
	}

	/** The Flyway that applies this capability's scripts (what {@code /actuator/flyway} lists). */
	public Flyway flyway() {
		Flyway flyway = this.flyway;
		if (flyway == null) {
			flyway = configure().load();
			this.flyway = flyway;
		}
		return flyway;
	}

	private FluentConfiguration configure() {
		String vendor = this.vendors
			.require(this.dataSource, "The " + this.capability.replace('-', ' '),
					"ddd.persistence." + this.capability + ".enabled=false")
			.folder();
		Configuration application = this.application;
		FluentConfiguration configuration = (application != null)
				? Flyway.configure(application.getClassLoader()).configuration(application) : Flyway.configure();
		String folder = "db/ddd-persistence/" + this.capability + "/" + vendor;
		String schema = this.tables.schema();
		if (schema != null) {
			// Flyway quotes the name: give it as the database folds the unquoted name statements use
			String stored = storedName(schema);
			configuration.schemas(stored).defaultSchema(stored).createSchemas(true);
		}
		return configuration.dataSource(this.dataSource)
			// the library's own: where its scripts are, how they are named, where their history is
			.locations("classpath:" + folder)
			.resourceProvider(this.tables.prefix().equals(LibraryTables.DEFAULT_PREFIX) ? null
					: new LibraryScripts(folder, this.tables, configuration.getClassLoader()))
			.javaMigrationClassProvider(null)
			.javaMigrations(new JavaMigration[0])
			.callbacks(new Callback[0])
			.sqlMigrationPrefix("V")
			.sqlMigrationSeparator("__")
			.sqlMigrationSuffixes(".sql")
			.table(historyTable())
			.target(MigrationVersion.LATEST)
			.outOfOrder(false)
			.ignoreMigrationPatterns("*:future")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.failOnMissingLocations(true);
	}

	private String storedName(String unquoted) {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			if (metaData.storesUpperCaseIdentifiers()) {
				return unquoted.toUpperCase(Locale.ROOT);
			}
			return metaData.storesLowerCaseIdentifiers() ? unquoted.toLowerCase(Locale.ROOT) : unquoted;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read how the database names schemas: " + ex.getMessage(), ex);
		}
	}

}
