package io.dddpersistence.vendor;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The vendor of each {@link DataSource} the library works with, read from the database's metadata
 * the first time a capability asks and kept for every later question, so a data source costs one
 * connection however many capabilities need its vendor. A vendor the application declares (a
 * {@link DatabaseVendor} bean, for its data source) is taken as it is, without reading anything.
 * <p>
 * Spring Boot declares one bean of this type ({@link VendorConfiguration}); a bean of the
 * application's replaces it.
 */
public class DatabaseVendors {

	private final Function<DataSource, Optional<DatabaseVendor>> declared;

	// one entry per data source, with the product name for the message when it has no vendor
	private final Map<DataSource, Read> vendors = new ConcurrentHashMap<>();

	/** Vendors read from each data source's metadata. */
	public DatabaseVendors() {
		this((dataSource) -> Optional.empty());
	}

	/**
	 * Vendors asked first of {@code declared}, then read from the data source's metadata.
	 * @param declared the vendor the application states for a data source, if it states one
	 */
	public DatabaseVendors(Function<DataSource, Optional<DatabaseVendor>> declared) {
		this.declared = declared;
	}

	/**
	 * The vendor of the database behind the data source, if the library writes SQL for it.
	 * @throws IllegalStateException when the database cannot be reached to read its product name
	 */
	public Optional<DatabaseVendor> find(DataSource dataSource) {
		return read(dataSource).vendor();
	}

	/**
	 * The vendor of the database behind the data source, for a capability that cannot run without
	 * vendor SQL.
	 * @param feature the capability, as the message names it ("The outbox")
	 * @param howToDisable the setting that turns the capability off
	 * ({@code ddd.persistence.outbox.enabled=false})
	 * @throws DatabaseVendor.UnsupportedDatabaseException for a database the library writes no SQL
	 * for, naming the capability, the database and the setting
	 * @throws IllegalStateException when the database cannot be reached to read its product name
	 */
	public DatabaseVendor require(DataSource dataSource, String feature, String howToDisable) {
		Read read = read(dataSource);
		return read.vendor().orElseThrow(() -> new DatabaseVendor.UnsupportedDatabaseException(feature
				+ " needs SQL written for its database, and ddd-persistence writes it for "
				+ String.join(" and ", Arrays.stream(DatabaseVendor.values()).map(DatabaseVendor::displayName).toList())
				+ " only, but the database is '" + read.product() + "'. Use one of those, or set " + howToDisable
				+ "."));
	}

	private Read read(DataSource dataSource) {
		// computeIfAbsent: threads asking at once about a new data source wait for one read; a failed
		// read is not kept, so a database that was down is read again next time
		return this.vendors.computeIfAbsent(dataSource, this::readNow);
	}

	private Read readNow(DataSource dataSource) {
		Optional<DatabaseVendor> declared = this.declared.apply(dataSource);
		if (declared.isPresent()) {
			return new Read(declared, declared.get().displayName());
		}
		String product;
		// the connection of the caller's transaction when there is one: a pool with its only
		// connection in that transaction would otherwise make this wait
		try {
			Connection connection = DataSourceUtils.getConnection(dataSource);
			try {
				product = connection.getMetaData().getDatabaseProductName();
			}
			finally {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
		}
		catch (SQLException | DataAccessException ex) {
			throw new IllegalStateException("Could not determine the database vendor: " + ex.getMessage(), ex);
		}
		return new Read(DatabaseVendor.ofProduct(product), product);
	}

	private record Read(Optional<DatabaseVendor> vendor, String product) {
	}

}
