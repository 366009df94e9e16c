package io.dddpersistence.eventstore;

import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.vendor.DatabaseVendor;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL of the event store on one database: appends, reads, snapshots and the checkpoints of
 * subscriptions. Statements of both vendors take the same parameters in the same order, so the
 * classes that run them bind without knowing the database.
 * <p>
 * The two differ in how a reader is kept from skipping an event that commits late. PostgreSQL
 * records each row's transaction id ({@code xid8}) and reads only rows of transactions older than
 * the oldest one still running. H2 has no such id: there every append first locks the single row of
 * {@code ddd_event_append_lock} until its transaction ends, so appends run one at a time, positions
 * are handed out in commit order, and a reader may read by position alone. On H2 every
 * {@link GlobalPosition} has the transaction part 0.
 */
sealed interface EventStoreSql permits EventStoreSql.Postgres, EventStoreSql.H2 {

	static EventStoreSql of(DatabaseVendor vendor, LibraryTables tables) {
		return switch (vendor) {
			case POSTGRESQL -> new Postgres(tables);
			case H2 -> new H2(tables);
		};
	}

	/** Where the tables the statements name are: each statement is renamed to them. */
	LibraryTables tables();

	/** Runs first in every append's transaction, before its inserts. */
	default void beforeAppend(JdbcTemplate jdbc) {
	}

	/** The select list {@link EventStore#mapRow} reads. */
	String columns();

	/** A bind parameter holding JSON text, stored as the database's JSON type. */
	String json();

	/** A JSON column read back as text. */
	String jsonText(String column);

	/** A bind parameter holding the transaction part of a {@link GlobalPosition}, as text. */
	String transactionId();

	/** The transaction part of a checkpoint column, as text. */
	String transactionIdText();

	/** Rows after a place in the global order; binds its transaction part (text) and its position. */
	String afterCheckpoint();

	/** The global order readers follow. */
	String globalOrder();

	/** Of the rows after a checkpoint, those a reader may hand out now: their order can no longer change. */
	String settled();

	/**
	 * One event's parameters in a {@code VALUES} list, typed as the columns of
	 * {@link #insertNew()} are, in the same order.
	 */
	String typedRow();

	/** A moment that many milliseconds (one bind parameter) from now. */
	String fromNow();

	/** An {@code UPDATE} statement that returns the given columns of the rows it changed. */
	String returning(String update, String columns);

	/** Saves a snapshot unless a newer one of the same schema version is stored. */
	String saveSnapshot();

	/** Creates a subscription's row unless it exists. */
	String ensureSubscription();

	/** Parks an event of a subscription unless it is parked already. */
	String park();

	/**
	 * Locks a subscription's row if the given owner holds its lease: run before a park, in the
	 * park's transaction, so that an instance that lost the lease cannot park an event that the new
	 * holder is handling, and the new holder's lease waits for a park in flight.
	 */
	default String holdLease() {
		return tables().sql("UPDATE ddd_event_subscription SET updated_at = CURRENT_TIMESTAMP WHERE name = ? AND lease_owner = ?");
	}

	/** The positions a subscription parked, between two positions (both included). */
	default String parkedBetween() {
		return tables().sql("SELECT position FROM ddd_event_parked WHERE subscription = ? AND position BETWEEN ? AND ?");
	}

	/** Forgets a subscription's parked events, so that its rebuild tries them again. */
	default String unparkAll() {
		return tables().sql("DELETE FROM ddd_event_parked WHERE subscription = ?");
	}

	default String insertNew() {
		return tables().sql("INSERT INTO ddd_stored_event (event_id, aggregate_type, aggregate_id, version, event_type, revision, "
				+ "payload, metadata, occurred_at) VALUES (?, ?, ?, ?, ?, ?, " + json() + ", " + json() + ", ?)");
	}

	/**
	 * One statement that inserts {@code rows} events, bound as {@link #insertNew()} binds one, row
	 * after row. With {@code checked}, it then binds the aggregate type, id and expected version,
	 * and inserts only if the aggregate's stream is at that version: all rows or none, and none
	 * tells the caller that the stream is not where it expected. One existence check per
	 * statement, not per row. The checked row must also pass {@link #writtenNoLater()}, so that no
	 * event is read before the one it follows.
	 */
	default String insertRows(int rows, boolean checked) {
		StringBuilder sql = new StringBuilder("INSERT INTO ddd_stored_event (event_id, aggregate_type, aggregate_id, "
				+ "version, event_type, revision, payload, metadata, occurred_at) SELECT * FROM (VALUES ");
		for (int row = 0; row < rows; row++) {
			sql.append((row > 0) ? ", " : "").append(typedRow());
		}
		sql.append(") AS appended");
		if (checked) {
			sql.append(" WHERE EXISTS (SELECT 1 FROM ddd_stored_event WHERE aggregate_type = ? AND aggregate_id = ? "
					+ "AND version = ?" + writtenNoLater() + ")");
		}
		return tables().sql(sql.toString());
	}

	/**
	 * A condition on a stream's row, empty or starting with {@code AND}: the row was written by the
	 * current transaction or by one that readers order before it. An event appended after a row
	 * that fails it would be read before that row.
	 */
	String writtenNoLater();

	/**
	 * The version of a stream's last event and whether that event fails {@link #writtenNoLater()}
	 * for the current transaction; binds the aggregate type and id, and returns no row for an empty
	 * stream.
	 */
	String lastEvent();

	/**
	 * Whether an append that joins no transaction may run as one auto-committed statement, atomic
	 * on its own; {@code false} where appends need a transaction around them.
	 */
	boolean appendsInOneStatement();

	default String readStream() {
		return tables().sql("SELECT " + columns() + " FROM ddd_stored_event "
				+ "WHERE aggregate_type = ? AND aggregate_id = ? AND version > ? ORDER BY version");
	}

	default String readAfter() {
		return tables().sql("SELECT " + columns() + " FROM ddd_stored_event WHERE " + afterCheckpoint() + settled() + " ORDER BY "
				+ globalOrder() + " LIMIT ?");
	}

	default String loadSnapshot() {
		return tables().sql("SELECT version, schema_version, " + jsonText("state") + " FROM ddd_event_snapshot "
				+ "WHERE aggregate_type = ? AND aggregate_id = ?");
	}

	default String lease() {
		return tables().sql(returning("UPDATE ddd_event_subscription SET lease_owner = ?, lease_until = " + fromNow()
				+ " WHERE name = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < CURRENT_TIMESTAMP)",
				transactionIdText() + ", position"));
	}

	default String advance() {
		return tables().sql("UPDATE ddd_event_subscription SET tx_id = " + transactionId() + ", position = ?, last_occurred_at = ?, "
				+ "lease_until = " + fromNow() + ", updated_at = CURRENT_TIMESTAMP "
				+ "WHERE name = ? AND lease_owner = ? AND tx_id = " + transactionId() + " AND position = ?");
	}

	default String rewind() {
		return tables().sql("UPDATE ddd_event_subscription SET tx_id = " + transactionId() + ", position = 0, "
				+ "last_occurred_at = NULL, updated_at = CURRENT_TIMESTAMP WHERE name = ?");
	}

	default String checkpoint() {
		return tables().sql("SELECT " + transactionIdText() + ", position FROM ddd_event_subscription WHERE name = ?");
	}

	default String eventsAfter(int cap) {
		return tables().sql("SELECT count(*) FROM (SELECT 1 FROM ddd_stored_event WHERE " + afterCheckpoint() + " LIMIT " + cap
				+ ") behind");
	}

	default String secondsBehind() {
		return tables().sql("SELECT coalesce(extract(epoch FROM CURRENT_TIMESTAMP - min(occurred_at)), 0) FROM (SELECT occurred_at "
				+ "FROM ddd_stored_event WHERE " + afterCheckpoint() + " ORDER BY " + globalOrder() + " LIMIT 1) next");
	}

	/** PostgreSQL 13+: transaction ids ({@code xid8}) and the oldest running one keep readers from skipping. */
	record Postgres(LibraryTables tables) implements EventStoreSql {

		// tx_id is read as text under another name: an output column named tx_id would be what
		// ORDER BY tx_id sorts by, in text order, where 999 comes after 1000
		@Override
		public String columns() {
			return "position, tx_id::text AS tx_id_text, event_id, aggregate_type, aggregate_id, version, event_type, "
					+ "revision, payload::text AS payload_text, metadata::text AS metadata_text, occurred_at";
		}

		@Override
		public String json() {
			return "?::jsonb";
		}

		@Override
		public String jsonText(String column) {
			return column + "::text";
		}

		@Override
		public String transactionId() {
			return "?::xid8";
		}

		@Override
		public String transactionIdText() {
			return "tx_id::text";
		}

		@Override
		public String afterCheckpoint() {
			return "(tx_id, position) > (?::xid8, ?)";
		}

		@Override
		public String globalOrder() {
			return "tx_id, position";
		}

		@Override
		public String settled() {
			return " AND tx_id < pg_snapshot_xmin(pg_current_snapshot())";
		}

		@Override
		public String typedRow() {
			return "(?::uuid, ?::varchar, ?::varchar, ?::bigint, ?::varchar, ?::integer, ?::jsonb, ?::jsonb, "
					+ "?::timestamptz)";
		}

		// Readers order by tx_id, which follows when each transaction first wrote, not when it
		// committed: a transaction that wrote something, then appends to a stream whose last event a
		// younger transaction committed meanwhile, would place its event before that one.
		@Override
		public String writtenNoLater() {
			return " AND tx_id <= pg_current_xact_id()";
		}

		// _if_assigned: a failure path outside the append's transaction has no id to compare with,
		// and must not take one
		@Override
		public String lastEvent() {
			return tables().sql("SELECT version, coalesce(tx_id > pg_current_xact_id_if_assigned(), false) FROM ddd_stored_event "
					+ "WHERE aggregate_type = ? AND aggregate_id = ? ORDER BY version DESC LIMIT 1");
		}

		@Override
		public boolean appendsInOneStatement() {
			return true;
		}

		@Override
		public String fromNow() {
			return "now() + ? * interval '1 millisecond'";
		}

		@Override
		public String returning(String update, String columns) {
			return update + " RETURNING " + columns;
		}

		@Override
		public String saveSnapshot() {
			return tables().sql("INSERT INTO ddd_event_snapshot (aggregate_type, aggregate_id, version, schema_version, state, "
					+ "taken_at) VALUES (?, ?, ?, ?, ?::jsonb, now()) ON CONFLICT (aggregate_type, aggregate_id) "
					+ "DO UPDATE SET version = excluded.version, schema_version = excluded.schema_version, "
					+ "state = excluded.state, taken_at = excluded.taken_at "
					+ "WHERE ddd_event_snapshot.version < excluded.version "
					+ "OR ddd_event_snapshot.schema_version <> excluded.schema_version");
		}

		@Override
		public String ensureSubscription() {
			return tables().sql("INSERT INTO ddd_event_subscription (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
		}

		@Override
		public String park() {
			return tables().sql("INSERT INTO ddd_event_parked (subscription, position, event_id, event_type, error, attempts) "
					+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription, position) DO NOTHING");
		}

	}

	/**
	 * H2 2.4: appends serialized by a row lock, so that positions follow commit order and every event's
	 * transaction part is 0.
	 */
	record H2(LibraryTables tables) implements EventStoreSql {

		private static final String LOCK = "SELECT id FROM ddd_event_append_lock WHERE id = 1 FOR UPDATE";

		// Held until the transaction ends: no other append can insert, so a reader that sees this
		// transaction's rows has seen every lower position that will ever commit.
		@Override
		public void beforeAppend(JdbcTemplate jdbc) {
			if (jdbc.queryForList(tables().sql(LOCK), Integer.class).isEmpty()) {
				throw new IllegalStateException("The row of ddd_event_append_lock (id 1) is missing, and without it "
						+ "appends on H2 are not serialized and readers could skip events. Insert it again: "
						+ "INSERT INTO ddd_event_append_lock (id) VALUES (1)");
			}
		}

		@Override
		public String columns() {
			return "position, '0' AS tx_id_text, event_id, aggregate_type, aggregate_id, version, event_type, "
					+ "revision, CAST(payload AS VARCHAR) AS payload_text, CAST(metadata AS VARCHAR) AS metadata_text, "
					+ "occurred_at";
		}

		// a plain CAST(? AS JSON) would store the text as one JSON string
		@Override
		public String json() {
			return "? FORMAT JSON";
		}

		@Override
		public String jsonText(String column) {
			return "CAST(" + column + " AS VARCHAR)";
		}

		@Override
		public String transactionId() {
			return "CAST(? AS BIGINT)";
		}

		@Override
		public String transactionIdText() {
			return "CAST(tx_id AS VARCHAR)";
		}

		// every event is (0, position): after (0, p) come the positions above p, after (t > 0, p) nothing
		@Override
		public String afterCheckpoint() {
			return "CAST(? AS BIGINT) = 0 AND position > ?";
		}

		@Override
		public String globalOrder() {
			return "position";
		}

		@Override
		public String settled() {
			return "";
		}

		@Override
		public String typedRow() {
			return "(CAST(? AS UUID), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)), CAST(? AS BIGINT), "
					+ "CAST(? AS VARCHAR(255)), CAST(? AS INTEGER), ? FORMAT JSON, ? FORMAT JSON, "
					+ "CAST(? AS TIMESTAMP WITH TIME ZONE))";
		}

		// appends are serialized: a stream's last event committed before this append took the lock,
		// at a lower position, and readers order by position
		@Override
		public String writtenNoLater() {
			return "";
		}

		@Override
		public String lastEvent() {
			return tables().sql("SELECT version, FALSE FROM ddd_stored_event WHERE aggregate_type = ? AND aggregate_id = ? "
					+ "ORDER BY version DESC LIMIT 1");
		}

		// the append lock is taken by its own statement and held until the transaction ends
		@Override
		public boolean appendsInOneStatement() {
			return false;
		}

		@Override
		public String fromNow() {
			return "DATEADD(MILLISECOND, ?, CURRENT_TIMESTAMP)";
		}

		@Override
		public String returning(String update, String columns) {
			return "SELECT " + columns + " FROM FINAL TABLE (" + update + ")";
		}

		@Override
		public String saveSnapshot() {
			return tables().sql("MERGE INTO ddd_event_snapshot s USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(255)), "
					+ "CAST(? AS BIGINT), CAST(? AS INTEGER), ? FORMAT JSON)) "
					+ "n (aggregate_type, aggregate_id, version, schema_version, state) "
					+ "ON s.aggregate_type = n.aggregate_type AND s.aggregate_id = n.aggregate_id "
					+ "WHEN MATCHED AND (s.version < n.version OR s.schema_version <> n.schema_version) THEN UPDATE "
					+ "SET version = n.version, schema_version = n.schema_version, state = n.state, "
					+ "taken_at = CURRENT_TIMESTAMP "
					+ "WHEN NOT MATCHED THEN INSERT (aggregate_type, aggregate_id, version, schema_version, state) "
					+ "VALUES (n.aggregate_type, n.aggregate_id, n.version, n.schema_version, n.state)");
		}

		@Override
		public String ensureSubscription() {
			return tables().sql("MERGE INTO ddd_event_subscription s USING (VALUES (CAST(? AS VARCHAR(255)))) n (name) "
					+ "ON s.name = n.name WHEN NOT MATCHED THEN INSERT (name) VALUES (n.name)");
		}

		@Override
		public String park() {
			return tables().sql("MERGE INTO ddd_event_parked p USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS BIGINT), "
					+ "CAST(? AS UUID), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR), CAST(? AS INTEGER))) "
					+ "n (subscription, position, event_id, event_type, error, attempts) "
					+ "ON p.subscription = n.subscription AND p.position = n.position "
					+ "WHEN NOT MATCHED THEN INSERT (subscription, position, event_id, event_type, error, attempts) "
					+ "VALUES (n.subscription, n.position, n.event_id, n.event_type, n.error, n.attempts)");
		}

	}

}
