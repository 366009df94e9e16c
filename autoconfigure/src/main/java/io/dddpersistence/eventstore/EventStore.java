package io.dddpersistence.eventstore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.error.OptimisticConcurrencyException.Reason;
import io.dddpersistence.error.UniqueConstraintViolationException;
import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.vendor.DatabaseVendors;
import io.dddpersistence.wakeup.WakeUpChannel;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends events to aggregates' streams and reads them back, per aggregate or globally.
 * <p>
 * Appends are atomic and checked against the version the caller based its decision on; a batch
 * joins the caller's transaction when there is one. Global reads follow the order of the appending
 * transactions and only return events of transactions that can no longer change, so a reader that
 * continues from the {@link GlobalPosition} of the last event it saw never skips an event, even one
 * whose transaction committed after a later one (see docs/event-store.md). On H2, which has no
 * transaction ids to order by, appends are serialized instead: each holds a lock from its first
 * insert until its transaction ends, so two appends never run at the same time.
 */
public class EventStore {

	/** How a message about the store's database names it, and the setting that turns it off. */
	static final String FEATURE = "The event store";

	static final String DISABLE = "ddd.persistence.event-store.enabled=false";

	private static final String CURRENT_VERSION = "SELECT coalesce(max(version), 0) FROM ddd_stored_event "
			+ "WHERE aggregate_type = ? AND aggregate_id = ?";

	// at most this many events go in the one statement that also checks the expected version
	private static final int ROWS_PER_STATEMENT = 64;

	static final RowMapper<StoredEvent> ROW_MAPPER = EventStore::mapRow;

	private final JdbcTemplate jdbc;

	private final EventStoreSql sql;

	// the hot statements, built once from the database's strategy
	private final String insertNew;

	// statements that insert 1 to ROWS_PER_STATEMENT events, by row count: to an existing stream
	// (checked) and to a new one
	private final AtomicReferenceArray<String> insertChecked = new AtomicReferenceArray<>(ROWS_PER_STATEMENT + 1);

	private final AtomicReferenceArray<String> insertUnchecked = new AtomicReferenceArray<>(ROWS_PER_STATEMENT + 1);

	private final String readStream;

	private final String readAfter;

	private final String lastEvent;

	private final TransactionTemplate transactions;

	private final TransactionTemplate separateTransactions;

	private final List<AppendListener> listeners;

	private final WakeUpChannel wakeUps;

	private final EventStoreObservations observations;

	public EventStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this(jdbc, transactionManager, List.of());
	}

	/**
	 * A store that tells the listeners about every append, inside the append's transaction. The
	 * database behind the template (PostgreSQL or H2) is read once, here. Its appends wake no
	 * subscription: they read new events at their poll interval.
	 */
	public EventStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, List<AppendListener> listeners) {
		this(jdbc, transactionManager, listeners,
				WakeUpChannel.disabled(EventStoreProperties.DEFAULTS.wakeUps().notifyChannel()));
	}

	/**
	 * A store that tells the listeners about every append, inside the append's transaction, and
	 * wakes the catch-up subscriptions subscribed to {@code wakeUps} once an append commits (once
	 * per transaction). The database behind the template is read once, here.
	 */
	public EventStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, List<AppendListener> listeners,
			WakeUpChannel wakeUps) {
		this(jdbc, transactionManager, listeners, wakeUps,
				new DatabaseVendors().require(dataSourceOf(jdbc), FEATURE, DISABLE), EventStoreObservations.NOOP,
				LibraryTables.DEFAULT);
	}

	/** A store whose appends are observed. */
	EventStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, List<AppendListener> listeners,
			EventStoreObservations observations) {
		this(jdbc, transactionManager, listeners,
				WakeUpChannel.disabled(EventStoreProperties.DEFAULTS.wakeUps().notifyChannel()),
				new DatabaseVendors().require(dataSourceOf(jdbc), FEATURE, DISABLE), observations,
				LibraryTables.DEFAULT);
	}

	/**
	 * A store on a database whose vendor was decided by the application's {@link DatabaseVendors},
	 * its tables where {@code tables} says.
	 */
	EventStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, List<AppendListener> listeners,
			WakeUpChannel wakeUps, DatabaseVendor vendor, EventStoreObservations observations, LibraryTables tables) {
		this.wakeUps = wakeUps;
		this.observations = observations;
		this.listeners = List.copyOf(listeners);
		this.jdbc = jdbc;
		this.sql = EventStoreSql.of(vendor, tables);
		this.insertNew = this.sql.insertNew();
		this.readStream = this.sql.readStream();
		this.readAfter = this.sql.readAfter();
		this.lastEvent = this.sql.lastEvent();
		this.transactions = new TransactionTemplate(transactionManager);
		this.separateTransactions = new TransactionTemplate(transactionManager);
		this.separateTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.separateTransactions.setReadOnly(true);
	}

	static DataSource dataSourceOf(JdbcTemplate jdbc) {
		DataSource dataSource = jdbc.getDataSource();
		if (dataSource == null) {
			throw new IllegalArgumentException("The event store's JdbcTemplate has no DataSource");
		}
		return dataSource;
	}

	/**
	 * Appends one event to its aggregate, whose version must be {@code expectedVersion} (0 for a new
	 * aggregate). Returns the aggregate's new version.
	 * @throws OptimisticConcurrencyException when the aggregate is at another version
	 */
	public long append(long expectedVersion, NewEvent event) {
		return appendBatch(expectedVersion, List.of(event));
	}

	/**
	 * Appends events of one aggregate, all or none: the aggregate's version must be
	 * {@code expectedVersion} (0 for a new aggregate). Returns the aggregate's new version.
	 * <p>
	 * The append joins the caller's transaction when there is one. Without one, on PostgreSQL, with
	 * no {@link AppendListener} and up to 64 events, it is a single auto-committed statement (one
	 * round trip, atomic on its own); otherwise it runs in a transaction of its own.
	 * @throws OptimisticConcurrencyException when the aggregate is at another version; nothing is
	 * written. On PostgreSQL also, with {@link Reason#OVERTAKEN}, when it is at the expected version
	 * but its last event was committed by a transaction younger than the caller's (one that got its
	 * id after the caller's transaction first wrote something): an event appended now would be read
	 * before that one. Retry in a new transaction.
	 * @throws IllegalArgumentException for an empty batch, a negative expected version or events of
	 * several aggregates; nothing is written
	 */
	public long appendBatch(long expectedVersion, List<NewEvent> events) {
		checkBatch(expectedVersion, events);
		return this.observations.append(events, () -> appendChecked(expectedVersion, events));
	}

	private long appendChecked(long expectedVersion, List<NewEvent> events) {
		NewEvent first = events.get(0);
		try {
			Outcome outcome = inOneStatement(events) ? this.jdbc.execute(autoCommitted(expectedVersion, events))
					: Outcome.NOT_TRIED;
			if (outcome == Outcome.STREAM_ELSEWHERE) {
				throw streamElsewhere(first, expectedVersion);
			}
			if (outcome == Outcome.WRITTEN) {
				// one auto-committed statement: committed already
				this.wakeUps.committed();
			}
			if (outcome == Outcome.NOT_TRIED) {
				this.transactions.executeWithoutResult((status) -> {
					this.sql.beforeAppend(this.jdbc);
					insert(expectedVersion, events);
					for (AppendListener listener : this.listeners) {
						listener.appended(expectedVersion + 1, events);
					}
					this.wakeUps.wakeAfterCommit();
				});
			}
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex, first, expectedVersion);
		}
		return expectedVersion + events.size();
	}

	private static void checkBatch(long expectedVersion, List<NewEvent> events) {
		if (expectedVersion < 0) {
			throw new IllegalArgumentException("The expected version is 0 for a new aggregate or the version "
					+ "the change was based on, never negative: " + expectedVersion);
		}
		if (events.isEmpty()) {
			throw new IllegalArgumentException("An append needs at least one event; the batch is empty");
		}
		NewEvent first = events.get(0);
		for (NewEvent event : events) {
			if (!event.aggregateType().equals(first.aggregateType())
					|| !event.aggregateId().equals(first.aggregateId())) {
				throw new IllegalArgumentException("A batch appends to one aggregate, " + first.aggregateType()
						+ " " + first.aggregateId() + ", but event " + event.eventId() + " (" + event.eventType()
						+ ") belongs to " + event.aggregateType() + " " + event.aggregateId()
						+ "; append it in its own batch");
			}
		}
	}

	private boolean inOneStatement(List<NewEvent> events) {
		return this.sql.appendsInOneStatement() && this.listeners.isEmpty() && events.size() <= ROWS_PER_STATEMENT
				&& !TransactionSynchronizationManager.isActualTransactionActive();
	}

	// NOT_TRIED, writing nothing, when the pool hands out connections that do not commit on their
	// own (auto-commit off): the caller then takes the transactional path
	private ConnectionCallback<Outcome> autoCommitted(long expectedVersion, List<NewEvent> events) {
		return (connection) -> {
			if (!connection.getAutoCommit()) {
				return Outcome.NOT_TRIED;
			}
			try (PreparedStatement statement = connection.prepareStatement(statement(events.size(),
					expectedVersion > 0))) {
				return written(statement, expectedVersion, events, events.size()) ? Outcome.WRITTEN
						: Outcome.STREAM_ELSEWHERE;
			}
		};
	}

	// A new aggregate needs no check beyond the unique key: version 1 can be written once only. A
	// batch based on an existing version goes in one statement that writes nothing unless that
	// version exists, so that a caller ahead of the stream cannot leave a gap; a caller behind it
	// meets the unique key. Events past the first statement's rows follow in a plain batch, in the
	// same transaction, so the one check covers them.
	private void insert(long expectedVersion, List<NewEvent> events) {
		int first = Math.min(events.size(), ROWS_PER_STATEMENT);
		boolean written = Boolean.TRUE.equals(this.jdbc.execute(statement(first, expectedVersion > 0),
				(PreparedStatementCallback<Boolean>) (statement) -> written(statement, expectedVersion, events, first)));
		if (!written) {
			throw streamElsewhere(events.get(0), expectedVersion);
		}
		List<NewEvent> rest = events.subList(first, events.size());
		if (rest.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(this.insertNew, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement statement, int i) throws SQLException {
				bind(statement, 1, rest.get(i), expectedVersion + first + i + 1);
			}

			@Override
			public int getBatchSize() {
				return rest.size();
			}

		});
	}

	// binds and runs the statement of the first rows; false when the check let nothing be written
	private static boolean written(PreparedStatement statement, long expectedVersion, List<NewEvent> events,
			int rows) throws SQLException {
		int next = 1;
		for (int i = 0; i < rows; i++) {
			next = bind(statement, next, events.get(i), expectedVersion + i + 1);
		}
		NewEvent first = events.get(0);
		if (expectedVersion > 0) {
			statement.setString(next++, first.aggregateType());
			statement.setString(next++, first.aggregateId());
			statement.setLong(next, expectedVersion);
		}
		return statement.executeUpdate() > 0;
	}

	// The check wrote nothing: read where the stream is, after the fact, in the append's transaction
	// when there is one. Usually the caller is ahead of the stream. At the expected version, the
	// stream's last event was written by a younger transaction (PostgreSQL only): not a stale
	// version, and a retry in a new transaction succeeds. (An expected version that committed
	// between the check and this read gives CHANGED at the expected version: rare, and retried alike.)
	private OptimisticConcurrencyException streamElsewhere(NewEvent first, long expectedVersion) {
		List<LastEvent> last = this.jdbc.query(this.lastEvent,
				(rs, row) -> new LastEvent(rs.getLong(1), rs.getBoolean(2)), first.aggregateType(),
				first.aggregateId());
		long actual = last.isEmpty() ? 0 : last.get(0).version();
		boolean overtaken = actual == expectedVersion && !last.isEmpty() && last.get(0).younger();
		return new OptimisticConcurrencyException(first.aggregateType(), first.aggregateId(), expectedVersion,
				actual, overtaken ? Reason.OVERTAKEN : Reason.CHANGED, null);
	}

	/** A stream's last event: its version, and whether a transaction younger than this one wrote it. */
	private record LastEvent(long version, boolean younger) {
	}

	private enum Outcome {

		NOT_TRIED, WRITTEN, STREAM_ELSEWHERE

	}

	private static int bind(PreparedStatement statement, int first, NewEvent event, long version)
			throws SQLException {
		int next = first;
		statement.setObject(next++, event.eventId());
		statement.setString(next++, event.aggregateType());
		statement.setString(next++, event.aggregateId());
		statement.setLong(next++, version);
		statement.setString(next++, event.eventType());
		statement.setInt(next++, event.revision());
		statement.setString(next++, event.payload());
		statement.setString(next++, event.metadata());
		statement.setTimestamp(next++, Timestamp.from(event.occurredAt()));
		return next;
	}

	// built on first use per row count and check: most appends carry a handful of events
	private String statement(int rows, boolean checked) {
		AtomicReferenceArray<String> built = checked ? this.insertChecked : this.insertUnchecked;
		String statement = built.get(rows);
		if (statement == null) {
			statement = this.sql.insertRows(rows, checked);
			built.set(rows, statement);
		}
		return statement;
	}

	private RuntimeException translate(DataIntegrityViolationException ex, NewEvent first, long expectedVersion) {
		// H2 names constraints and columns in upper case
		String message = String.valueOf(ex.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
		LibraryTables tables = this.sql.tables();
		if (message.contains("uq_" + tables.name("stored_event_aggregate_version"))) {
			long actual = this.separateTransactions
				.execute((status) -> currentVersion(first.aggregateType(), first.aggregateId()));
			return new OptimisticConcurrencyException(first.aggregateType(), first.aggregateId(), expectedVersion,
					actual, ex);
		}
		String eventId = "uq_" + tables.name("stored_event_event_id");
		if (message.contains(eventId)) {
			return new UniqueConstraintViolationException(eventId, tables.name("stored_event"),
					List.of("event_id"), "an event of this batch was appended before (same event id)", ex);
		}
		return ex;
	}

	/** The aggregate's current version, 0 when it has no events. */
	public long currentVersion(String aggregateType, String aggregateId) {
		Long version = this.jdbc.queryForObject(this.sql.tables().sql(CURRENT_VERSION), Long.class, aggregateType, aggregateId);
		return (version != null) ? version : 0;
	}

	/** All events of the aggregate, in version order. */
	public List<StoredEvent> readStream(String aggregateType, String aggregateId) {
		return readStream(aggregateType, aggregateId, 0);
	}

	/** The aggregate's events after the given version, in version order. */
	public List<StoredEvent> readStream(String aggregateType, String aggregateId, long afterVersion) {
		return this.jdbc.query(this.readStream, ROW_MAPPER, aggregateType, aggregateId, afterVersion);
	}

	/**
	 * Up to {@code limit} events after the given place in the global order, only from transactions
	 * that have ended. Continue from the last event's {@link StoredEvent#globalPosition()}; an empty
	 * list means the reader is caught up for now.
	 */
	public List<StoredEvent> readAfter(GlobalPosition after, int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("The read limit must be 1 or more, not " + limit);
		}
		return this.jdbc.query(this.readAfter, ROW_MAPPER, Long.toString(after.transactionId()), after.position(),
				limit);
	}

	/**
	 * The events after the given place, read lazily in pages of {@code pageSize} (keyset reads, no
	 * cursor held between pages), until the reader is caught up. Memory stays bounded by one page.
	 * Close the stream when done (it holds no resources between pages, but callers should not rely on it).
	 */
	public Stream<StoredEvent> streamAfter(GlobalPosition after, int pageSize) {
		if (pageSize < 1) {
			throw new IllegalArgumentException("The page size must be 1 or more, not " + pageSize);
		}
		Iterator<StoredEvent> pages = new PagedIterator(after, pageSize);
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
	}

	EventStoreSql sql() {
		return this.sql;
	}

	static StoredEvent mapRow(ResultSet rs, int row) throws SQLException {
		return new StoredEvent(rs.getLong(1), Long.parseLong(rs.getString(2)), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getInt(8), rs.getString(9),
				rs.getString(10), rs.getTimestamp(11).toInstant());
	}

	private final class PagedIterator implements Iterator<StoredEvent> {

		private GlobalPosition next;

		private final int pageSize;

		private Iterator<StoredEvent> page = Collections.emptyIterator();

		private boolean exhausted;

		PagedIterator(GlobalPosition from, int pageSize) {
			this.next = from;
			this.pageSize = pageSize;
		}

		@Override
		public boolean hasNext() {
			if (!this.page.hasNext() && !this.exhausted) {
				List<StoredEvent> events = readAfter(this.next, this.pageSize);
				this.exhausted = events.size() < this.pageSize;
				if (!events.isEmpty()) {
					this.next = events.get(events.size() - 1).globalPosition();
				}
				this.page = events.iterator();
			}
			return this.page.hasNext();
		}

		@Override
		public StoredEvent next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.page.next();
		}

	}

}
