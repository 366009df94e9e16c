package io.dddpersistence.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.migration.LibrarySchema;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh database (PostgreSQL or H2) with the event store's tables, a small pool, and the store on
 * top of it, with the little SQL the tests need that differs between the two.
 */
final class EventStoreFixture implements AutoCloseable {

	final TestDatabase database;

	final HikariDataSource dataSource;

	final JdbcTemplate jdbc;

	final DataSourceTransactionManager transactionManager;

	final TransactionTemplate transactions;

	final EventStore store;

	final DatabaseVendor vendor;

	private final boolean ownsDatabase;

	EventStoreFixture(int poolSize) {
		this(DatabaseVendor.POSTGRESQL, poolSize);
	}

	EventStoreFixture(DatabaseVendor vendor, int poolSize) {
		this(vendor, poolSize, true);
	}

	/** With {@code autoCommit} false, the pool hands out connections that do not commit on their own. */
	EventStoreFixture(DatabaseVendor vendor, int poolSize, boolean autoCommit) {
		this(vendor, (vendor == DatabaseVendor.H2) ? TestDatabases.createH2() : TestDatabases.create(), poolSize,
				autoCommit, true);
	}

	private EventStoreFixture(DatabaseVendor vendor, TestDatabase database, int poolSize, boolean autoCommit,
			boolean ownsDatabase) {
		this.vendor = vendor;
		this.ownsDatabase = ownsDatabase;
		this.dataSource = new HikariDataSource();
		this.dataSource.setAutoCommit(autoCommit);
		this.database = database;
		if (vendor == DatabaseVendor.H2) {
			// appends wait for each other on H2; H2's default of 2 s is short for a busy test machine
			this.dataSource.setJdbcUrl(this.database.url() + ";LOCK_TIMEOUT=10000");
		}
		else {
			// durability is not what these tests prove, and fsync per commit would dominate their time
			this.dataSource.setJdbcUrl(this.database.url()
					+ "?reWriteBatchedInserts=true&options=-c%20synchronous_commit%3Doff");
		}
		this.dataSource.setUsername(this.database.username());
		this.dataSource.setPassword(this.database.password());
		this.dataSource.setMaximumPoolSize(poolSize);
		new LibrarySchema(this.dataSource, "event-store").migrate();
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.transactionManager = new DataSourceTransactionManager(this.dataSource);
		this.transactions = new TransactionTemplate(this.transactionManager);
		this.store = new EventStore(this.jdbc, this.transactionManager);
	}

	/** Another pool and store on the same database, with auto-commit on; closing it leaves the database. */
	EventStoreFixture sameDatabase() {
		return new EventStoreFixture(this.vendor, this.database, 2, true, false);
	}

	/** A bind parameter for JSON text, in the database's JSON type. */
	String jsonParameter() {
		return (this.vendor == DatabaseVendor.H2) ? "? FORMAT JSON" : "CAST(? AS jsonb)";
	}

	/** Closes every connection to the database but the caller's, as a database restart would. */
	String closeOtherConnectionsSql() {
		return (this.vendor == DatabaseVendor.H2)
				? "SELECT ABORT_SESSION(SESSION_ID) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
				: "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
						+ "WHERE datname = current_database() AND pid <> pg_backend_pid()";
	}

	long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return (count != null) ? count : 0;
	}

	@Override
	public void close() {
		if (this.vendor == DatabaseVendor.H2 && this.ownsDatabase) {
			// an in-memory H2 database lives until the JVM exits unless it is shut down
			this.jdbc.execute("SHUTDOWN");
		}
		this.dataSource.close();
	}

}
