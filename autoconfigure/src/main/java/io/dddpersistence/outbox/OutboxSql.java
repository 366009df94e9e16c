package io.dddpersistence.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.vendor.DatabaseVendor;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The outbox's statements for one database, run by {@link OutboxTable}. PostgreSQL claims with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of pollers share the table; H2 has no skip-locked
 * semantics to rely on across connections, so its claim reads the oldest due rows and then updates
 * those still due: correct for the pollers of one instance, which is all {@link OutboxStartupCheck}
 * lets H2 run.
 */
sealed interface OutboxSql permits OutboxSql.Postgres, OutboxSql.H2 {

	static OutboxSql of(DatabaseVendor vendor, LibraryTables tables) {
		return switch (vendor) {
			case POSTGRESQL -> new Postgres(tables);
			case H2 -> new H2(tables);
		};
	}

	/** Parameters: id, aggregate type, aggregate id, event type, destination, key, headers, payload. */
	String insert();

	/**
	 * Claims up to {@code limit} due messages for {@code leaseMillis} (only the oldest unpublished
	 * one of each key when {@code headsOfKeysOnly}, and of keyed messages only those up to
	 * {@code headsUpToSeq}, see {@link KeyOrderWatermark}), in the caller's transaction; the rows
	 * carry {@code seq}.
	 */
	<T> List<T> claim(JdbcTemplate jdbc, RowMapper<T> rows, String pollerId, long leaseMillis, int limit,
			boolean headsOfKeysOnly, long headsUpToSeq);

	/**
	 * Whether {@link #lockDue} works here: PostgreSQL, whose {@code SKIP LOCKED} lets pollers pass over
	 * rows another poller holds locked; H2 only leases.
	 */
	boolean locksWhilePublishing();

	/**
	 * Selects and locks up to {@code limit} due messages ({@code FOR UPDATE SKIP LOCKED}) in the
	 * caller's transaction, which holds them while they are published and marked: the lock mode's
	 * claim, one write per message instead of two. Same choice of rows as {@link #claim}.
	 */
	<T> List<T> lockDue(JdbcTemplate jdbc, RowMapper<T> rows, int limit, boolean headsOfKeysOnly, long headsUpToSeq);

	/**
	 * Whether the database shows which transactions are still running, so that an ordered claim can
	 * wait for the writers of older messages ({@link KeyOrderWatermark}): PostgreSQL does, H2 does not.
	 */
	boolean seesRunningTransactions();

	/**
	 * Columns {@code seq} (the highest seq allocated so far, 0 before the first) and
	 * {@code transaction_after}, a new transaction id taken after reading it, or null when it equals
	 * the parameter (nothing new to wait for). Parameter: the seq of the last watermark passed.
	 */
	String allocatedSeq();

	/** One column: the oldest transaction id still running, from a fresh snapshot. */
	String oldestRunningTransaction();

	/**
	 * Whether {@link #claim}, {@link #markPublished}, {@link #markFailed} and {@link #release} each
	 * run exactly one statement, so that auto-commit alone makes them atomic.
	 */
	boolean relaysInSingleStatements();

	/**
	 * Marks published the given messages still claimed by {@code pollerId} (null: held locked by the
	 * caller's transaction, with no lease), or with {@code delete} deletes them; returns how many.
	 */
	int markPublished(JdbcTemplate jdbc, @Nullable String pollerId, List<UUID> ids, boolean delete);

	/** Gives back the given messages still claimed by {@code pollerId}, due at once; returns how many. */
	int release(JdbcTemplate jdbc, String pollerId, List<UUID> ids);

	/** Parameters: after id, limit. */
	String listDead();

	/** Parameters: ids (array). */
	String resubmit();

	/** Parameters: limit. */
	String resubmitNextDead();

	/**
	 * Deletes published messages published before the cutoff, oldest ids first. Parameters: id bound (the
	 * first time-ordered id of the cutoff's millisecond), cutoff, limit. A message published before the
	 * cutoff was written before it, so its id is below the bound: the primary key serves the delete, and
	 * no index on published rows has to be kept up to date at every mark.
	 */
	String purgePublished();

	/**
	 * Deletes pending messages written before the cutoff. Only the cdc relay's retention runs it: no
	 * poller claims rows there, so a pending row's next_attempt_at is the time it was written, and the
	 * pending index serves the delete. Parameters: cutoff, limit.
	 */
	String purgePendingWrittenBefore();

	/** Columns pending, oldest, dead, measured_at. */
	String backlog();

	/**
	 * Records one failed attempt per message still claimed by {@code pollerId} (null: held locked by
	 * the caller's transaction); returns the ids that reached {@code maxAttempts} and went dead. Runs
	 * in the caller's transaction.
	 */
	List<UUID> markFailed(JdbcTemplate jdbc, @Nullable String pollerId, List<OutboxTable.Failure> failures, int maxAttempts);

	/** PostgreSQL: {@code SKIP LOCKED} claims, {@code jsonb}, one-statement marks over arrays. */
	final class Postgres implements OutboxSql {

		private final LibraryTables tables;

		Postgres(LibraryTables tables) {
			this.tables = tables;
		}

		// in the order OutboxTable.message reads them by position
		private static final String COLUMNS = "id, seq, aggregate_type, aggregate_id, event_type, destination, "
				+ "message_key, headers::text AS headers, payload::text AS payload, status, attempts, last_error, "
				+ "created_at, published_at";

		private static final String LEASE = """
				SET claimed_by = ?, claimed_until = now() + CAST(? AS double precision) * interval '1 millisecond',
				    next_attempt_at = now() + CAST(? AS double precision) * interval '1 millisecond'
				""";

		private static final String DUE = """
				WHERE status = 'PENDING' AND next_attempt_at <= now()
				ORDER BY next_attempt_at
				LIMIT ?
				FOR UPDATE SKIP LOCKED""";

		private static final String CLAIM = "UPDATE ddd_outbox_message\n" + LEASE
				+ "WHERE id IN (\nSELECT id FROM ddd_outbox_message\n" + DUE + ")\nRETURNING " + COLUMNS;

		private static final String LOCK = "SELECT " + COLUMNS + "\nFROM ddd_outbox_message\n" + DUE;

		/*
		 * Takes only the head of each key: a message whose key has an older message not yet published
		 * (pending, claimed, waiting for a retry or dead) is not eligible, so message n+1 of a key can
		 * never be published before n, whichever poller holds n. Keyed messages are taken only up to
		 * the watermark's seq, below which every row is visible or gone for good: an older row whose
		 * transaction is still open would be missed by NOT EXISTS.
		 */
		private static final String DUE_HEADS_OF_KEYS = """
				FROM ddd_outbox_message m
				WHERE m.status = 'PENDING' AND m.next_attempt_at <= now()
				  AND (m.message_key IS NULL OR (m.seq <= ? AND NOT EXISTS (
				      SELECT 1 FROM ddd_outbox_message older
				      WHERE older.message_key = m.message_key AND older.status <> 'PUBLISHED' AND older.seq < m.seq)))
				ORDER BY m.next_attempt_at
				LIMIT ?
				FOR UPDATE OF m SKIP LOCKED""";

		private static final String CLAIM_HEADS_OF_KEYS = "UPDATE ddd_outbox_message\n" + LEASE
				+ "WHERE id IN (\nSELECT m.id " + DUE_HEADS_OF_KEYS + ")\nRETURNING " + COLUMNS;

		// a held message stays pending and locked by its poller's open transaction until it is marked,
		// so the same older-message rule keeps each key's order
		private static final String LOCK_HEADS_OF_KEYS = "SELECT " + COLUMNS + "\n" + DUE_HEADS_OF_KEYS;

		private static final String MARK_PUBLISHED = """
				UPDATE ddd_outbox_message
				SET status = 'PUBLISHED', published_at = now(), claimed_by = NULL, claimed_until = NULL
				WHERE id = ANY (?) AND claimed_by IS NOT DISTINCT FROM ? AND status = 'PENDING'""";

		// a deleted row leaves no new row version and no index entry behind: the cheapest mark there is
		private static final String DELETE_PUBLISHED = """
				DELETE FROM ddd_outbox_message
				WHERE id = ANY (?) AND claimed_by IS NOT DISTINCT FROM ? AND status = 'PENDING'""";

		private static final String RELEASE = """
				UPDATE ddd_outbox_message
				SET claimed_by = NULL, claimed_until = NULL, next_attempt_at = now()
				WHERE id = ANY (?) AND claimed_by = ? AND status = 'PENDING'""";

		private static final String MARK_FAILED = """
				UPDATE ddd_outbox_message m
				SET attempts = m.attempts + 1, last_error = f.error,
				    status = CASE WHEN m.attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END,
				    next_attempt_at = now() + f.delay_ms * interval '1 millisecond',
				    claimed_by = NULL, claimed_until = NULL
				FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS double precision[])) AS f (id, error, delay_ms)
				WHERE m.id = f.id AND m.claimed_by IS NOT DISTINCT FROM ? AND m.status = 'PENDING'
				RETURNING m.id, m.status""";

		/*
		 * The writer takes its transaction id (the CTE, read before the row that allocates seq is
		 * built) before its message gets a seq: a transaction that held a seq without an id, as one
		 * whose first write is this insert would between the two, is invisible to the oldest running
		 * transaction that KeyOrderWatermark waits for.
		 */
		@Override
		public String insert() {
			return this.tables.sql("""
					WITH writer AS MATERIALIZED (SELECT pg_current_xact_id())
					INSERT INTO ddd_outbox_message
					    (id, aggregate_type, aggregate_id, event_type, destination, message_key, headers, payload)
					SELECT CAST(? AS uuid), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar),
					       CAST(? AS varchar), CAST(? AS varchar), CAST(? AS jsonb), CAST(? AS jsonb)
					FROM writer""");
		}

		@Override
		public boolean relaysInSingleStatements() {
			return true;
		}

		@Override
		public <T> List<T> claim(JdbcTemplate jdbc, RowMapper<T> rows, String pollerId, long leaseMillis, int limit,
				boolean headsOfKeysOnly, long headsUpToSeq) {
			if (headsOfKeysOnly) {
				return jdbc.query(this.tables.sql(CLAIM_HEADS_OF_KEYS), rows, pollerId, leaseMillis, leaseMillis, headsUpToSeq, limit);
			}
			return jdbc.query(this.tables.sql(CLAIM), rows, pollerId, leaseMillis, leaseMillis, limit);
		}

		@Override
		public boolean seesRunningTransactions() {
			return true;
		}

		@Override
		public boolean locksWhilePublishing() {
			return true;
		}

		@Override
		public <T> List<T> lockDue(JdbcTemplate jdbc, RowMapper<T> rows, int limit, boolean headsOfKeysOnly,
				long headsUpToSeq) {
			if (headsOfKeysOnly) {
				return jdbc.query(this.tables.sql(LOCK_HEADS_OF_KEYS), rows, headsUpToSeq, limit);
			}
			return jdbc.query(this.tables.sql(LOCK), rows, limit);
		}

		/*
		 * The sequence is read in the CTE, before the row's transaction id is taken: the id must be
		 * newer than every writer that holds a seq up to the one read. Reading the identity's sequence
		 * needs SELECT on it. A transaction that takes an id and writes nothing commits without
		 * waiting for a WAL flush.
		 */
		@Override
		public String allocatedSeq() {
			return this.tables.sql("""
					WITH allocated AS MATERIALIZED (
					    SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS seq FROM ddd_outbox_message_seq_seq)
					SELECT seq, CASE WHEN seq <> ? THEN CAST(CAST(pg_current_xact_id() AS text) AS bigint) END
					       AS transaction_after
					FROM allocated""");
		}

		@Override
		public String oldestRunningTransaction() {
			return "SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint)";
		}

		@Override
		public int markPublished(JdbcTemplate jdbc, @Nullable String pollerId, List<UUID> ids, boolean delete) {
			return updateHeld(jdbc, delete ? this.tables.sql(DELETE_PUBLISHED) : this.tables.sql(MARK_PUBLISHED), pollerId, ids);
		}

		@Override
		public int release(JdbcTemplate jdbc, String pollerId, List<UUID> ids) {
			return updateHeld(jdbc, this.tables.sql(RELEASE), pollerId, ids);
		}

		// an update of the given rows that this poller still holds: binds the ids (array), then the poller
		private static int updateHeld(JdbcTemplate jdbc, String sql, @Nullable String pollerId, List<UUID> ids) {
			return jdbc.update((connection) -> {
				PreparedStatement statement = connection.prepareStatement(sql);
				// untyped: the server reads it as the uuid[] the statement expects, once per execution (a
				// string cast to uuid[] in the statement would be parsed again for each row a plan filters)
				statement.setObject(1, uuidArray(ids), Types.OTHER);
				statement.setString(2, pollerId);
				return statement;
			});
		}

		/*
		 * The array's literal, written here rather than by the driver's createArrayOf, which escapes
		 * each character of each element (a third of the relay's time in the driver, profiled): a
		 * uuid's text needs no escaping.
		 */
		static String uuidArray(List<UUID> ids) {
			StringBuilder literal = new StringBuilder(ids.size() * 37 + 2).append('{');
			for (int i = 0; i < ids.size(); i++) {
				if (i > 0) {
					literal.append(',');
				}
				literal.append(ids.get(i));
			}
			return literal.append('}').toString();
		}

		@Override
		public String listDead() {
			return this.tables.sql("SELECT " + COLUMNS + """
					 FROM ddd_outbox_message
					WHERE status = 'FAILED' AND id > ?
					ORDER BY id
					LIMIT ?""");
		}

		@Override
		public String resubmit() {
			return this.tables.sql("""
					UPDATE ddd_outbox_message
					SET status = 'PENDING', attempts = 0, next_attempt_at = now(), claimed_by = NULL, claimed_until = NULL
					WHERE id = ANY (?) AND status = 'FAILED'""");
		}

		@Override
		public String resubmitNextDead() {
			return this.tables.sql("""
					UPDATE ddd_outbox_message
					SET status = 'PENDING', attempts = 0, next_attempt_at = now(), claimed_by = NULL, claimed_until = NULL
					WHERE id IN (
					    SELECT id FROM ddd_outbox_message WHERE status = 'FAILED' ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)""");
		}

		@Override
		public String purgePublished() {
			return this.tables.sql("""
					DELETE FROM ddd_outbox_message
					WHERE id IN (
					    SELECT id FROM ddd_outbox_message
					    WHERE id < ? AND status = 'PUBLISHED' AND published_at < ?
					    ORDER BY id
					    LIMIT ?)""");
		}

		@Override
		public String purgePendingWrittenBefore() {
			return this.tables.sql("""
					DELETE FROM ddd_outbox_message
					WHERE id IN (
					    SELECT id FROM ddd_outbox_message
					    WHERE status = 'PENDING' AND next_attempt_at < ?
					    ORDER BY next_attempt_at
					    LIMIT ?)""");
		}

		@Override
		public String backlog() {
			return this.tables.sql("""
					SELECT (SELECT count(*) FROM ddd_outbox_message WHERE status = 'PENDING') AS pending,
					       (SELECT min(created_at) FROM ddd_outbox_message WHERE status = 'PENDING') AS oldest,
					       (SELECT count(*) FROM ddd_outbox_message WHERE status = 'FAILED') AS dead,
					       now() AS measured_at""");
		}

		@Override
		public List<UUID> markFailed(JdbcTemplate jdbc, @Nullable String pollerId, List<OutboxTable.Failure> failures,
				int maxAttempts) {
			UUID[] ids = new UUID[failures.size()];
			String[] errors = new String[failures.size()];
			Double[] delays = new Double[failures.size()];
			for (int i = 0; i < failures.size(); i++) {
				ids[i] = failures.get(i).id();
				errors[i] = failures.get(i).error();
				delays[i] = (double) failures.get(i).delayMillis();
			}
			List<UUID> dead = new ArrayList<>();
			jdbc.query((connection) -> {
				PreparedStatement statement = connection.prepareStatement(this.tables.sql(MARK_FAILED));
				statement.setInt(1, maxAttempts);
				statement.setArray(2, connection.createArrayOf("uuid", ids));
				statement.setArray(3, connection.createArrayOf("text", errors));
				statement.setArray(4, connection.createArrayOf("float8", delays));
				statement.setString(5, pollerId);
				return statement;
			}, (ResultSet row) -> {
				if (OutboxStatus.FAILED.name().equals(row.getString("status"))) {
					dead.add(row.getObject("id", UUID.class));
				}
			});
			return dead;
		}

	}

	/**
	 * H2: {@code JSON} columns written with {@code FORMAT JSON} (a plain cast would store a JSON
	 * string), {@code FINAL TABLE (UPDATE ...)} for {@code UPDATE ... RETURNING}, a batch of per-row
	 * updates where PostgreSQL joins {@code unnest} arrays, and no {@code id IN (SELECT ... FETCH FIRST n)}
	 * in a data change: H2 re-runs such a subquery for every row it visits, so the statement would
	 * neither be fast nor touch n rows. Bounded batches use {@code UPDATE/DELETE ... FETCH FIRST n}.
	 */
	final class H2 implements OutboxSql {

		private final LibraryTables tables;

		H2(LibraryTables tables) {
			this.tables = tables;
		}

		// in the order OutboxTable.message reads them by position
		private static final String COLUMNS = "id, seq, aggregate_type, aggregate_id, event_type, destination, "
				+ "message_key, CAST(headers AS VARCHAR) AS headers, CAST(payload AS VARCHAR) AS payload, status, "
				+ "attempts, last_error, created_at, published_at";

		private static final String LEASE = """
				SET claimed_by = ?, claimed_until = DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP),
				    next_attempt_at = DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP)
				""";

		private static final String DUE = """
				SELECT id FROM ddd_outbox_message
				WHERE status = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP
				ORDER BY next_attempt_at, seq
				FETCH FIRST ? ROWS ONLY""";

		private static final String DUE_HEADS_OF_KEYS = """
				SELECT m.id FROM ddd_outbox_message m
				WHERE m.status = 'PENDING' AND m.next_attempt_at <= CURRENT_TIMESTAMP
				  AND (m.message_key IS NULL OR NOT EXISTS (
				      SELECT 1 FROM ddd_outbox_message older
				      WHERE older.message_key = m.message_key AND older.status <> 'PUBLISHED' AND older.seq < m.seq))
				ORDER BY m.next_attempt_at, m.seq
				FETCH FIRST ? ROWS ONLY""";

		/*
		 * The update repeats the due test: H2 re-evaluates the condition on a row that another
		 * transaction changed while this one waited for its lock, so a row claimed meanwhile (its
		 * next_attempt_at moved to the end of the lease) is skipped instead of claimed twice.
		 */
		private static final String CLAIM = "SELECT " + COLUMNS + " FROM FINAL TABLE (UPDATE ddd_outbox_message\n"
				+ LEASE + """
				WHERE id = ANY (?) AND status = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP)""";

		private static final String MARK_ONE_PUBLISHED = """
				UPDATE ddd_outbox_message
				SET status = 'PUBLISHED', published_at = CURRENT_TIMESTAMP, claimed_by = NULL, claimed_until = NULL
				WHERE id = ? AND claimed_by = ? AND status = 'PENDING'""";

		private static final String DELETE_ONE_PUBLISHED = """
				DELETE FROM ddd_outbox_message
				WHERE id = ? AND claimed_by = ? AND status = 'PENDING'""";

		private static final String RELEASE_ONE = """
				UPDATE ddd_outbox_message
				SET claimed_by = NULL, claimed_until = NULL, next_attempt_at = CURRENT_TIMESTAMP
				WHERE id = ? AND claimed_by = ? AND status = 'PENDING'""";

		private static final String MARK_ONE_FAILED = """
				UPDATE ddd_outbox_message
				SET attempts = attempts + 1, last_error = ?,
				    status = CASE WHEN attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END,
				    next_attempt_at = DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP),
				    claimed_by = NULL, claimed_until = NULL
				WHERE id = ? AND claimed_by = ? AND status = 'PENDING'""";

		private static final String DEAD_AMONG = "SELECT id FROM ddd_outbox_message WHERE id = ANY (?) AND status = 'FAILED'";

		@Override
		public String insert() {
			return this.tables.sql("""
					INSERT INTO ddd_outbox_message
					    (id, aggregate_type, aggregate_id, event_type, destination, message_key, headers, payload)
					VALUES (?, ?, ?, ?, ?, ?, ? FORMAT JSON, ? FORMAT JSON)""");
		}

		// the claim reads the due ids, then updates those still due: two statements
		@Override
		public boolean relaysInSingleStatements() {
			return false;
		}

		/*
		 * H2 shows no snapshot of running transactions: the claim sees only committed rows, and a
		 * message whose transaction is still open when a newer one of its key commits is overtaken
		 * (the claim ignores headsUpToSeq, which is never below the maximum here).
		 */
		@Override
		public boolean seesRunningTransactions() {
			return false;
		}

		@Override
		public boolean locksWhilePublishing() {
			return false;
		}

		@Override
		public <T> List<T> lockDue(JdbcTemplate jdbc, RowMapper<T> rows, int limit, boolean headsOfKeysOnly,
				long headsUpToSeq) {
			throw new UnsupportedOperationException("H2 claims with a lease only");
		}

		@Override
		public String allocatedSeq() {
			throw new UnsupportedOperationException("H2 shows no running transactions to wait for");
		}

		@Override
		public String oldestRunningTransaction() {
			throw new UnsupportedOperationException("H2 shows no running transactions to wait for");
		}

		/*
		 * Two statements, because H2 re-runs an "id IN (SELECT ... FETCH FIRST n)" subquery for every
		 * row an UPDATE visits: slow, and not even the same n rows each time.
		 */
		@Override
		public <T> List<T> claim(JdbcTemplate jdbc, RowMapper<T> rows, String pollerId, long leaseMillis, int limit,
				boolean headsOfKeysOnly, long headsUpToSeq) {
			List<UUID> due = jdbc.queryForList(headsOfKeysOnly ? this.tables.sql(DUE_HEADS_OF_KEYS) : this.tables.sql(DUE), UUID.class, limit);
			if (due.isEmpty()) {
				return List.of();
			}
			return jdbc.query((connection) -> {
				PreparedStatement statement = connection.prepareStatement(this.tables.sql(CLAIM));
				statement.setString(1, pollerId);
				statement.setLong(2, leaseMillis);
				statement.setLong(3, leaseMillis);
				statement.setArray(4, connection.createArrayOf("uuid", due.toArray(new UUID[0])));
				return statement;
			}, rows);
		}

		@Override
		public int markPublished(JdbcTemplate jdbc, @Nullable String pollerId, List<UUID> ids, boolean delete) {
			return updateEach(jdbc, delete ? this.tables.sql(DELETE_ONE_PUBLISHED) : this.tables.sql(MARK_ONE_PUBLISHED), leaseOwner(pollerId), ids);
		}

		@Override
		public int release(JdbcTemplate jdbc, String pollerId, List<UUID> ids) {
			return updateEach(jdbc, this.tables.sql(RELEASE_ONE), pollerId, ids);
		}

		/*
		 * One row per statement, in id order, as markFailed does: when shutdown gives a batch back
		 * while the poller thread still settles it, both lock rows in the same order and one waits
		 * for the other, where H2 would otherwise report a deadlock and roll both back.
		 */
		private static int updateEach(JdbcTemplate jdbc, String sql, String pollerId, List<UUID> ids) {
			int[][] counts = jdbc.batchUpdate(sql, inIdOrder(ids), ids.size(), (statement, id) -> {
				statement.setObject(1, id);
				statement.setString(2, pollerId);
			});
			int updated = 0;
			for (int count : counts[0]) {
				updated += Math.max(count, 0);
			}
			return updated;
		}

		private static List<UUID> inIdOrder(List<UUID> ids) {
			List<UUID> sorted = new ArrayList<>(ids);
			sorted.sort(null);
			return sorted;
		}

		@Override
		public String listDead() {
			return this.tables.sql("SELECT " + COLUMNS + """
					 FROM ddd_outbox_message
					WHERE status = 'FAILED' AND id > ?
					ORDER BY id
					FETCH FIRST ? ROWS ONLY""");
		}

		@Override
		public String resubmit() {
			return this.tables.sql("""
					UPDATE ddd_outbox_message
					SET status = 'PENDING', attempts = 0, next_attempt_at = CURRENT_TIMESTAMP, claimed_by = NULL,
					    claimed_until = NULL
					WHERE id = ANY (?) AND status = 'FAILED'""");
		}

		@Override
		public String resubmitNextDead() {
			return this.tables.sql("""
					UPDATE ddd_outbox_message
					SET status = 'PENDING', attempts = 0, next_attempt_at = CURRENT_TIMESTAMP, claimed_by = NULL,
					    claimed_until = NULL
					WHERE status = 'FAILED'
					FETCH FIRST ? ROWS ONLY""");
		}

		@Override
		public String purgePublished() {
			return this.tables.sql("""
					DELETE FROM ddd_outbox_message
					WHERE id < ? AND status = 'PUBLISHED' AND published_at < ?
					FETCH FIRST ? ROWS ONLY""");
		}

		@Override
		public String purgePendingWrittenBefore() {
			return this.tables.sql("""
					DELETE FROM ddd_outbox_message
					WHERE status = 'PENDING' AND next_attempt_at < ?
					FETCH FIRST ? ROWS ONLY""");
		}

		@Override
		public String backlog() {
			return this.tables.sql("""
					SELECT (SELECT count(*) FROM ddd_outbox_message WHERE status = 'PENDING') AS pending,
					       (SELECT min(created_at) FROM ddd_outbox_message WHERE status = 'PENDING') AS oldest,
					       (SELECT count(*) FROM ddd_outbox_message WHERE status = 'FAILED') AS dead,
					       CURRENT_TIMESTAMP AS measured_at""");
		}

		// H2 leases only: its marks always name the poller holding the lease
		private static String leaseOwner(@Nullable String pollerId) {
			if (pollerId == null) {
				throw new IllegalStateException("H2 has no locked relay: its marks need the lease's poller id");
			}
			return pollerId;
		}

		@Override
		public List<UUID> markFailed(JdbcTemplate jdbc, @Nullable String pollerId, List<OutboxTable.Failure> failures,
				int maxAttempts) {
			String owner = leaseOwner(pollerId);
			List<OutboxTable.Failure> inIdOrder = new ArrayList<>(failures);
			inIdOrder.sort(Comparator.comparing(OutboxTable.Failure::id));
			int[][] counts = jdbc.batchUpdate(this.tables.sql(MARK_ONE_FAILED), inIdOrder, inIdOrder.size(), (statement, failure) -> {
				statement.setString(1, failure.error());
				statement.setInt(2, maxAttempts);
				statement.setLong(3, failure.delayMillis());
				statement.setObject(4, failure.id());
				statement.setString(5, owner);
			});
			List<UUID> marked = new ArrayList<>(failures.size());
			for (int i = 0; i < inIdOrder.size(); i++) {
				if (counts[0][i] > 0) {
					marked.add(inIdOrder.get(i).id());
				}
			}
			if (marked.isEmpty()) {
				return List.of();
			}
			// the same transaction: a row marked here and FAILED now went dead with this mark
			return jdbc.query((connection) -> {
				PreparedStatement statement = connection.prepareStatement(this.tables.sql(DEAD_AMONG));
				statement.setArray(1, connection.createArrayOf("uuid", marked.toArray(new UUID[0])));
				return statement;
			}, (row, n) -> row.getObject("id", UUID.class));
		}

	}

}
