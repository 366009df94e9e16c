package io.dddpersistence.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import io.dddpersistence.migration.LibrarySchema;
import io.dddpersistence.testsupport.TestDatabase;
import io.dddpersistence.testsupport.TestDatabases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh database with the event store's tables, a small pool, and the store on top of it. */
final class EventStoreFixture implements AutoCloseable {

	final TestDatabase database;

	final HikariDataSource dataSource;

	final JdbcTemplate jdbc;

	final DataSourceTransactionManager transactionManager;

	final TransactionTemplate transactions;

	final EventStore store;

	EventStoreFixture(int poolSize) {
		this.database = TestDatabases.create();
		this.dataSource = new HikariDataSource();
		// durability is not what these tests prove, and fsync per commit would dominate their time
		this.dataSource.setJdbcUrl(this.database.url()
				+ "?reWriteBatchedInserts=true&options=-c%20synchronous_commit%3Doff");
		this.dataSource.setUsername(this.database.username());
		this.dataSource.setPassword(this.database.password());
		this.dataSource.setMaximumPoolSize(poolSize);
		new LibrarySchema(this.dataSource, "event-store").migrate();
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.transactionManager = new DataSourceTransactionManager(this.dataSource);
		this.transactions = new TransactionTemplate(this.transactionManager);
		this.store = new EventStore(this.jdbc, this.transactionManager);
	}

	long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return (count != null) ? count : 0;
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

}
