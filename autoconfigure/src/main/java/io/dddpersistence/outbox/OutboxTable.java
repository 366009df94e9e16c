package io.dddpersistence.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import javax.sql.DataSource;

import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.entity.TimeOrderedUuids;
import io.dddpersistence.vendor.DatabaseVendors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the outbox's statements, written per database in {@link OutboxSql} with bind parameters
 * only. Statements that the relay runs outside the caller's transaction commit before they return:
 * as one auto-committed statement where that is atomic, else in a transaction of their own, so
 * that they commit even when the pool hands out connections with auto-commit off.
 */
final class OutboxTable {

	// PostgreSQL and H2 order uuids as unsigned numbers: the nil uuid comes first
	private static final UUID LOWEST_ID = new UUID(0, 0);

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private volatile @Nullable OutboxSql sql;

	private final RowMapper<OutboxMessage> messages = this::message;

	private final DataSource dataSource;

	private final DatabaseVendors vendors;

	private final LibraryTables tables;

	OutboxTable(DataSource dataSource, JsonMapper json, DatabaseVendors vendors, LibraryTables tables) {
		this.dataSource = dataSource;
		this.vendors = vendors;
		this.tables = tables;
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.json = json;
	}

	/*
	 * Chosen on first use, not when built, so that a poller created while the database is down starts
	 * and backs off.
	 */
	private OutboxSql sql() {
		OutboxSql sql = this.sql;
		if (sql == null) {
			sql = OutboxSql.of(this.vendors.require(this.dataSource, "The outbox", OutboxStartupCheck.DISABLE), this.tables);
			this.sql = sql;
		}
		return sql;
	}

	/** Inserts in the caller's transaction (the writer checked there is one). */
	void insert(List<Row> rows) {
		if (rows.size() == 1) {
			// the common case, one message per transaction: a plain statement, no batch bookkeeping
			this.jdbc.update(this.sql().insert(), (statement) -> bind(statement, rows.get(0)));
		}
		else {
			this.jdbc.batchUpdate(this.sql().insert(), rows, rows.size(), OutboxTable::bind);
		}
	}

	private static void bind(PreparedStatement statement, Row row) throws SQLException {
		statement.setObject(1, row.id());
		statement.setString(2, row.aggregateType());
		statement.setString(3, row.aggregateId());
		statement.setString(4, row.eventType());
		statement.setString(5, row.destination());
		statement.setString(6, row.key());
		statement.setString(7, row.headersJson());
		statement.setString(8, row.payloadJson());
	}

	/**
	 * Claims up to {@code limit} due messages for {@code leaseMillis}, in insertion order; with
	 * {@code headsOfKeysOnly}, keyed messages only up to {@code headsUpToSeq}.
	 */
	List<OutboxMessage> claim(String pollerId, long leaseMillis, int limit, boolean headsOfKeysOnly,
			long headsUpToSeq) {
		OutboxSql sql = sql();
		return inInsertionOrder(committed((jdbc) -> sql.claim(jdbc,
				(row, n) -> new Claimed(row.getLong(2), message(row, n)), pollerId, leaseMillis, limit,
				headsOfKeysOnly, headsUpToSeq)));
	}

	private static List<OutboxMessage> inInsertionOrder(List<Claimed> rows) {
		List<Claimed> claimed = new ArrayList<>(rows);
		claimed.sort(Comparator.comparingLong(Claimed::seq));
		List<OutboxMessage> batch = new ArrayList<>(claimed.size());
		claimed.forEach((each) -> batch.add(each.message()));
		return batch;
	}

	/** Whether {@link #relayLocked} works on this database. */
	boolean locksWhilePublishing() {
		return this.sql().locksWhilePublishing();
	}

	/**
	 * The marks of a poller that leases its batches: each commits on its own, for rows it still holds;
	 * with {@code deleteOnPublish} a published row is deleted.
	 */
	Marks leasedBy(String pollerId, boolean deleteOnPublish) {
		return new Marks() {

			@Override
			public void published(List<UUID> ids) {
				markPublished(pollerId, ids, deleteOnPublish);
			}

			@Override
			public List<UUID> failed(List<Failure> failures, int maxAttempts) {
				return markFailed(pollerId, failures, maxAttempts);
			}

		};
	}

	/**
	 * Runs {@code relay} with up to {@code limit} due messages (in insertion order; with
	 * {@code headsOfKeysOnly}, keyed messages only up to {@code headsUpToSeq}) locked by a
	 * transaction on a connection of its own, whose only writes are the relay's marks, committed when
	 * it returns. The transaction is not bound to the thread, so what the publisher runs (listeners
	 * with transactions of their own) is independent of it. If the poller dies, the transaction rolls
	 * back and the messages are due again at once, with no lease to wait for. With
	 * {@code deleteOnPublish} a published row is deleted.
	 */
	<T> T relayLocked(int limit, boolean headsOfKeysOnly, long headsUpToSeq, boolean deleteOnPublish,
			BiFunction<List<OutboxMessage>, Marks, T> relay) {
		OutboxSql sql = sql();
		// a connection of its own, even when the caller has a transaction open on this data source
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				JdbcTemplate held = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
				held.setExceptionTranslator(this.jdbc.getExceptionTranslator());
				List<OutboxMessage> batch = inInsertionOrder(sql.lockDue(held,
						(row, n) -> new Claimed(row.getLong(2), message(row, n)), limit, headsOfKeysOnly,
						headsUpToSeq));
				T relayed = relay.apply(batch, new Marks() {

					@Override
					public void published(List<UUID> ids) {
						if (!ids.isEmpty()) {
							sql.markPublished(held, null, ids, deleteOnPublish);
						}
					}

					@Override
					public List<UUID> failed(List<Failure> failures, int maxAttempts) {
						return failures.isEmpty() ? List.of() : sql.markFailed(held, null, failures, maxAttempts);
					}

				});
				connection.commit();
				return relayed;
			}
			catch (RuntimeException | Error ex) {
				rollBackQuietly(connection, ex);
				throw ex;
			}
			finally {
				restoreAutoCommit(connection, autoCommit);
			}
		}
		catch (SQLException ex) {
			throw translated("relaying a locked batch", ex);
		}
	}

	// a connection that died (the reason to roll back) cannot roll back either: the first failure counts
	private static void rollBackQuietly(Connection connection, Throwable failure) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
		try {
			if (!connection.isClosed()) {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			// the pool resets or evicts the connection
		}
	}

	private RuntimeException translated(String task, SQLException ex) {
		RuntimeException translated = this.jdbc.getExceptionTranslator().translate(task, null, ex);
		return (translated != null) ? translated : new IllegalStateException(task + " failed", ex);
	}

	/** Whether {@link #allocatedSeq} and {@link #oldestRunningTransaction} work on this database. */
	boolean seesRunningTransactions() {
		return this.sql().seesRunningTransactions();
	}

	/**
	 * The highest seq allocated so far and, unless it equals {@code passed}, a transaction id taken
	 * after reading it, committed when this returns.
	 */
	KeyOrderWatermark.Allocated allocatedSeq(long passed) {
		KeyOrderWatermark.Allocated allocated = committed((jdbc) -> jdbc.queryForObject(this.sql().allocatedSeq(),
				(row, n) -> new KeyOrderWatermark.Allocated(row.getLong("seq"),
						row.getObject("transaction_after", Long.class)),
				passed));
		if (allocated == null) {
			throw new IllegalStateException("reading the outbox sequence returned nothing");
		}
		return allocated;
	}

	/** The oldest transaction id still running on the database, from a fresh snapshot. */
	long oldestRunningTransaction() {
		Long oldest = committed((jdbc) -> jdbc.queryForObject(this.sql().oldestRunningTransaction(), Long.class));
		if (oldest == null) {
			throw new IllegalStateException("reading the oldest running transaction returned nothing");
		}
		return oldest;
	}

	/**
	 * Marks published (with {@code delete}, deletes) the given messages that this poller still holds;
	 * returns how many.
	 */
	int markPublished(String pollerId, List<UUID> ids, boolean delete) {
		if (ids.isEmpty()) {
			return 0;
		}
		return committed((jdbc) -> this.sql().markPublished(jdbc, pollerId, ids, delete));
	}

	/**
	 * Records one failed attempt per message (error text and delay before the next attempt); a
	 * message reaching {@code maxAttempts} goes dead. Returns the ids that went dead.
	 */
	List<UUID> markFailed(String pollerId, List<Failure> failures, int maxAttempts) {
		if (failures.isEmpty()) {
			return List.of();
		}
		return committed((jdbc) -> this.sql().markFailed(jdbc, pollerId, failures, maxAttempts));
	}

	/** Gives claimed messages back for any poller to take now; returns how many. */
	int release(String pollerId, List<UUID> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return committed((jdbc) -> this.sql().release(jdbc, pollerId, ids));
	}

	List<OutboxMessage> dead(@Nullable UUID after, int limit) {
		return this.jdbc.query(this.sql().listDead(), this.messages, (after != null) ? after : LOWEST_ID, limit);
	}

	int resubmit(List<UUID> ids) {
		return inTransaction(() -> this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(this.sql().resubmit());
			statement.setArray(1, uuids(connection, ids));
			return statement;
		}));
	}

	int resubmitNextDead(int limit) {
		return inTransaction(() -> this.jdbc.update(this.sql().resubmitNextDead(), limit));
	}

	int purgePublishedBefore(Instant cutoff, int limit) {
		return inTransaction(() -> this.jdbc.update(this.sql().purgePublished(), TimeOrderedUuids.first(cutoff),
				cutoff.atOffset(ZoneOffset.UTC), limit));
	}

	int purgePendingWrittenBefore(Instant cutoff, int limit) {
		return inTransaction(
				() -> this.jdbc.update(this.sql().purgePendingWrittenBefore(), cutoff.atOffset(ZoneOffset.UTC), limit));
	}

	OutboxBacklog backlog() {
		return this.jdbc.queryForObject(this.sql().backlog(), (row, n) -> new OutboxBacklog(row.getLong("pending"),
				instant(row, "oldest"), row.getLong("dead"), instantOrNow(row, "measured_at")));
	}

	/*
	 * Runs one of the relay's steps so that it is committed when it returns. Where the step is a
	 * single statement (PostgreSQL) and the connection commits on its own, it runs as that statement
	 * alone: atomic by itself, one round trip instead of three (begin, statement, commit). Otherwise
	 * (H2's two-statement claim, a pool with auto-commit off, a caller's transaction) it runs in a
	 * transaction.
	 */
	private <T> T committed(Function<JdbcTemplate, T> step) {
		if (this.sql().relaysInSingleStatements()) {
			Optional<T> done = this.jdbc.execute((ConnectionCallback<Optional<T>>) (connection) -> {
				if (!connection.getAutoCommit()) {
					return Optional.empty();
				}
				JdbcTemplate single = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
				single.setExceptionTranslator(this.jdbc.getExceptionTranslator());
				return Optional.of(step.apply(single));
			});
			if (done != null && done.isPresent()) {
				return done.get();
			}
		}
		return inTransaction(() -> step.apply(this.jdbc));
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		T result = this.transactions.execute((status) -> work.get());
		if (result == null) {
			throw new IllegalStateException("outbox statement returned nothing");
		}
		return result;
	}

	private void inTransaction(Runnable work) {
		this.transactions.executeWithoutResult((status) -> work.run());
	}

	private static Array uuids(Connection connection, List<UUID> ids) throws SQLException {
		return connection.createArrayOf("uuid", ids.toArray(new UUID[0]));
	}

	/*
	 * By position, in the order of OutboxSql's column lists: a lookup by name lower-cases the label
	 * and hashes it for each column of each row, a tenth of the relay's time in the JDBC driver.
	 */
	private OutboxMessage message(ResultSet row, int rowNumber) throws SQLException {
		return new OutboxMessage(row.getObject(1, UUID.class), row.getString(3), row.getString(4), row.getString(5),
				row.getString(6), row.getString(7), headers(row.getString(8)), row.getString(9),
				OutboxStatus.valueOf(row.getString(10)), row.getInt(11), row.getString(12), instantOrNow(row, 13),
				instant(row, 14));
	}

	// most messages carry no headers (no tracing): "{}" needs no parser
	private Map<String, String> headers(String json) {
		return "{}".equals(json) ? Map.of() : this.json.readValue(json, HEADERS);
	}

	private static @Nullable Instant instant(ResultSet row, int column) throws SQLException {
		return instant(row.getObject(column, OffsetDateTime.class));
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		return instant(row.getObject(column, OffsetDateTime.class));
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
		return (value != null) ? value.toInstant() : null;
	}

	private static Instant instantOrNow(ResultSet row, int column) throws SQLException {
		Instant value = instant(row, column);
		return (value != null) ? value : Instant.now();
	}

	private static Instant instantOrNow(ResultSet row, String column) throws SQLException {
		Instant value = instant(row, column);
		return (value != null) ? value : Instant.now();
	}

	/** A message ready for insertion, payload and headers already serialized. */
	record Row(UUID id, @Nullable String aggregateType, @Nullable String aggregateId, String eventType,
			@Nullable String destination, @Nullable String key, String headersJson, String payloadJson) {
	}

	/** Where a relayed batch's outcome is written. */
	interface Marks {

		/** Marks the given messages published. */
		void published(List<UUID> ids);

		/** Records one failed attempt per message; returns the ids that went dead. */
		List<UUID> failed(List<Failure> failures, int maxAttempts);

	}

	/** One failed attempt: the error text and the delay before the next attempt. */
	record Failure(UUID id, String error, long delayMillis) {
	}

	private record Claimed(long seq, OutboxMessage message) {
	}

}
