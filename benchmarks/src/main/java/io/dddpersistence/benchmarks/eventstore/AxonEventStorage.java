package io.dddpersistence.benchmarks.eventstore;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon Framework 4's JDBC event storage engine used standalone on a plain DataSource, with its
 * Jackson serializer (JSON on both sides; XStream, Axon's old default, needs opened JDK modules on
 * Java 17). Axon wants a transaction manager and a connection provider that hands out the
 * transaction's connection; these are the smallest ones that do that without Spring.
 */
public final class AxonEventStorage implements TransactionManager, ConnectionProvider {

	private final DataSource dataSource;

	private final ThreadLocal<Connection> current = new ThreadLocal<>();

	private final JdbcEventStorageEngine engine;

	public AxonEventStorage(DataSource dataSource, int batchSize) {
		this.dataSource = dataSource;
		JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
		this.engine = JdbcEventStorageEngine.builder()
			.connectionProvider(this)
			.transactionManager(this)
			.eventSerializer(serializer)
			.snapshotSerializer(serializer)
			.batchSize(batchSize)
			.build();
		this.engine.createSchema(PostgresEventTableFactory.INSTANCE);
	}

	public void append(List<? extends EventMessage<?>> events) {
		this.engine.appendEvents(events);
	}

	/** Axon's tracking read from the start, without blocking at the end. */
	public Stream<? extends TrackedEventMessage<?>> readFromStart() {
		return this.engine.readEvents(null, false);
	}

	@Override
	public Transaction startTransaction() {
		Connection connection = this.current.get();
		if (connection != null) {
			return new Transaction() {
				@Override
				public void commit() {
				}

				@Override
				public void rollback() {
				}
			};
		}
		try {
			Connection opened = this.dataSource.getConnection();
			opened.setAutoCommit(false);
			this.current.set(opened);
			return new Transaction() {
				@Override
				public void commit() {
					finish(opened, true);
				}

				@Override
				public void rollback() {
					finish(opened, false);
				}
			};
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void finish(Connection connection, boolean commit) {
		this.current.remove();
		try (connection) {
			if (commit) {
				connection.commit();
			}
			else {
				connection.rollback();
			}
			connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = this.current.get();
		if (connection == null) {
			return this.dataSource.getConnection();
		}
		// Axon closes what it gets; the transaction's connection must stay open until commit
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> method.getName().equals("close") ? null : invoke(connection, method, args));
	}

	private static Object invoke(Connection target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (java.lang.reflect.InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
