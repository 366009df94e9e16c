package io.dddpersistence.outbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dddpersistence.migration.DatabaseVendor;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox's statements for one database, run by {@link OutboxTable}. PostgreSQL claims with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of pollers share the table; H2 has no skip-locked
 * semantics to rely on across connections, so its claim is a conditional update of the oldest due
 * rows that re-checks due-ness on the rows it updates: correct for the pollers of one instance, which
 * is all {@link OutboxStartupCheck} lets H2 run.
 */
sealed interface OutboxSql permits OutboxSql.Postgres, OutboxSql.H2 {

	static OutboxSql of(DatabaseVendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> new Postgres();
			case H2 -> new H2();
		};
	}

	/** Parameters: id, aggregate type, aggregate id, event type, destination, key, headers, payload. */
	String insert();

	/** Parameters: poller id, lease (ms), lease (ms), limit; returns the claimed rows with {@code seq}. */
	String claim(boolean headsOfKeysOnly);

	/** Parameters: ids (array), poller id. */
	String markPublished();

	/** Parameters: ids (array), poller id. */
	String release();

	/** Parameters: after id, limit. */
	String listDead();

	/** Parameters: ids (array). */
	String resubmit();

	/** Parameters: limit. */
	String resubmitNextDead();

	/** Parameters: cutoff, limit. */
	String purgePublished();

	/** Columns pending, oldest, dead, measured_at. */
	String backlog();

	/**
	 * Records one failed attempt per message still claimed by {@code pollerId}; returns the ids that
	 * reached {@code maxAttempts} and went dead. Runs in the caller's transaction.
	 */
	List<UUID> markFailed(JdbcTemplate jdbc, String pollerId, List<OutboxTable.Failure> failures, int maxAttempts);

	/** PostgreSQL: {@code SKIP LOCKED} claims, {@code jsonb}, one-statement marks over arrays. */
	final class Postgres implements OutboxSql {

		private static final String COLUMNS = "id, seq, aggregate_type, aggregate_id, event_type, destination, "
				+ "message_key, headers::text AS headers, payload::text AS payload, status, attempts, last_error, "
				+ "created_at, published_at";

		private static final String LEASE = """
				SET claimed_by = ?, claimed_until = now() + CAST(? AS double precision) * interval '1 millisecond',
				    next_attempt_at = now() + CAST(? AS double precision) * interval '1 millisecond'
				""";

		private static final String CLAIM = "UPDATE ddd_outbox_message\n" + LEASE + """
				WHERE id IN (
				    SELECT id FROM ddd_outbox_message
				    WHERE status = 'PENDING' AND next_attempt_at <= now()
				    ORDER BY next_attempt_at
				    LIMIT ?
				    FOR UPDATE SKIP LOCKED)
				RETURNING\s""" + COLUMNS;

		/*
		 * Takes only the head of each key: a message whose key has an older message not yet published
		 * (pending, claimed, waiting for a retry or dead) is not eligible, so message n+1 of a key can
		 * never be published before n, whichever poller holds n.
		 */
		private static final String CLAIM_HEADS_OF_KEYS = "UPDATE ddd_outbox_message\n" + LEASE + """
				WHERE id IN (
				    SELECT m.id FROM ddd_outbox_message m
				    WHERE m.status = 'PENDING' AND m.next_attempt_at <= now()
				      AND (m.message_key IS NULL OR NOT EXISTS (
				          SELECT 1 FROM ddd_outbox_message older
				          WHERE older.message_key = m.message_key AND older.status <> 'PUBLISHED' AND older.seq < m.seq))
				    ORDER BY m.next_attempt_at
				    LIMIT ?
				    FOR UPDATE OF m SKIP LOCKED)
				RETURNING\s""" + COLUMNS;

		private static final String MARK_FAILED = """
				UPDATE ddd_outbox_message m
				SET attempts = m.attempts + 1, last_error = f.error,
				    status = CASE WHEN m.attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END,
				    next_attempt_at = now() + f.delay_ms * interval '1 millisecond',
				    claimed_by = NULL, claimed_until = NULL
				FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS double precision[])) AS f (id, error, delay_ms)
				WHERE m.id = f.id AND m.claimed_by = ? AND m.status = 'PENDING'
				RETURNING m.id, m.status""";

		@Override
		public String insert() {
			return """
					INSERT INTO ddd_outbox_message
					    (id, aggregate_type, aggregate_id, event_type, destination, message_key, headers, payload)
					VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""";
		}

		@Override
		public String claim(boolean headsOfKeysOnly) {
			return headsOfKeysOnly ? CLAIM_HEADS_OF_KEYS : CLAIM;
		}

		@Override
		public String markPublished() {
			return """
					UPDATE ddd_outbox_message
					SET status = 'PUBLISHED', published_at = now(), claimed_by = NULL, claimed_until = NULL
					WHERE id = ANY (?) AND claimed_by = ? AND status = 'PENDING'""";
		}

		@Override
		public String release() {
			return """
					UPDATE ddd_outbox_message
					SET claimed_by = NULL, claimed_until = NULL, next_attempt_at = now()
					WHERE id = ANY (?) AND claimed_by = ? AND status = 'PENDING'""";
		}

		@Override
		public String listDead() {
			return "SELECT " + COLUMNS + """
					 FROM ddd_outbox_message
					WHERE status = 'FAILED' AND id > ?
					ORDER BY id
					LIMIT ?""";
		}

		@Override
		public String resubmit() {
			return """
					UPDATE ddd_outbox_message
					SET status = 'PENDING', attempts = 0, next_attempt_at = now(), claimed_by = NULL, claimed_until = NULL
					WHERE id = ANY (?) AND status = 'FAILED'""";
		}

		@Override
		public String resubmitNextDead() {
			return """
					UPDATE ddd_outbox_message
					SET status = 'PENDING', attempts = 0, next_attempt_at = now(), claimed_by = NULL, claimed_until = NULL
					WHERE id IN (
					    SELECT id FROM ddd_outbox_message WHERE status = 'FAILED' ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)""";
		}

		@Override
		public String purgePublished() {
			return """
					DELETE FROM ddd_outbox_message
					WHERE id IN (
					    SELECT id FROM ddd_outbox_message
					    WHERE status = 'PUBLISHED' AND published_at < ?
					    ORDER BY published_at
					    LIMIT ?)""";
		}

		@Override
		public String backlog() {
			return """
					SELECT (SELECT count(*) FROM ddd_outbox_message WHERE status = 'PENDING') AS pending,
					       (SELECT min(created_at) FROM ddd_outbox_message WHERE status = 'PENDING') AS oldest,
					       (SELECT count(*) FROM ddd_outbox_message WHERE status = 'FAILED') AS dead,
					       now() AS measured_at""";
		}

		@Override
		public List<UUID> markFailed(JdbcTemplate jdbc, String pollerId, List<OutboxTable.Failure> failures,
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
				PreparedStatement statement = connection.prepareStatement(MARK_FAILED);
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
	 * string), {@code FINAL TABLE (UPDATE ...)} for {@code UPDATE ... RETURNING}, and a batch of
	 * per-row updates where PostgreSQL joins {@code unnest} arrays.
	 */
	final class H2 implements OutboxSql {

		private static final String COLUMNS = "id, seq, aggregate_type, aggregate_id, event_type, destination, "
				+ "message_key, CAST(headers AS VARCHAR) AS headers, CAST(payload AS VARCHAR) AS payload, status, "
				+ "attempts, last_error, created_at, published_at";

		private static final String LEASE = """
				SET claimed_by = ?, claimed_until = DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP),
				    next_attempt_at = DATEADD(MILLISECOND, CAST(? AS BIGINT), CURRENT_TIMESTAMP)
				""";

		/*
		 * The outer condition repeats the due test: H2 re-evaluates it on a row that another
		 * transaction changed while this one waited for its lock, so a row claimed meanwhile (its
		 * next_attempt_at moved to the end of the lease) is skipped instead of claimed twice.
		 */
		private static final String CLAIM = "SELECT " + COLUMNS + " FROM FINAL TABLE (UPDATE ddd_outbox_message\n"
				+ LEASE + """
				WHERE status = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP AND id IN (
				    SELECT id FROM ddd_outbox_message
				    WHERE status = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP
				    ORDER BY next_attempt_at
				    FETCH FIRST ? ROWS ONLY))""";

		private static final String CLAIM_HEADS_OF_KEYS = "SELECT " + COLUMNS
				+ " FROM FINAL TABLE (UPDATE ddd_outbox_message\n" + LEASE + """
				WHERE status = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP AND id IN (
				    SELECT m.id FROM ddd_outbox_message m
				    WHERE m.status = 'PENDING' AND m.next_attempt_at <= CURRENT_TIMESTAMP
				      AND (m.message_key IS NULL OR NOT EXISTS (
				          SELECT 1 FROM ddd_outbox_message older
				          WHERE older.message_key = m.message_key AND older.status <> 'PUBLISHED' AND older.seq < m.seq))
				    ORDER BY m.next_attempt_at
				    FETCH FIRST ? ROWS ONLY))""";

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
			return """
					INSERT INTO ddd_outbox_message
					    (id, aggregate_type, aggregate_id, event_type, destination, message_key, headers, payload)
					VALUES (?, ?, ?, ?, ?, ?, ? FORMAT JSON, ? FORMAT JSON)""";
		}

		@Override
		public String claim(boolean headsOfKeysOnly) {
			return headsOfKeysOnly ? CLAIM_HEADS_OF_KEYS : CLAIM;
		}

		@Override
		public String markPublished() {
			return """
					UPDATE ddd_outbox_message
					SET status = 'PUBLISHED', published_at = CURRENT_TIMESTAMP, claimed_by = NULL, claimed_until = NULL
					WHERE id = ANY (?) AND claimed_by = ? AND status = 'PENDING'""";
		}

		@Override
		public String release() {
			return """
					UPDATE ddd_outbox_message
					SET claimed_by = NULL, claimed_until = NULL, next_attempt_at = CURRENT_TIMESTAMP
					WHERE id = ANY (?) AND claimed_by = ? AND status = 'PENDING'""";
		}

		@Override
		public String listDead() {
			return "SELECT " + COLUMNS + """
					 FROM ddd_outbox_message
					WHERE status = 'FAILED' AND id > ?
					ORDER BY id
					FETCH FIRST ? ROWS ONLY""";
		}

		@Override
		public String resubmit() {
			return """
					UPDATE ddd_outbox_message
					SET status = 'PENDING', attempts = 0, next_attempt_at = CURRENT_TIMESTAMP, claimed_by = NULL,
					    claimed_until = NULL
					WHERE id = ANY (?) AND status = 'FAILED'""";
		}

		@Override
		public String resubmitNextDead() {
			return """
					UPDATE ddd_outbox_message
					SET status = 'PENDING', attempts = 0, next_attempt_at = CURRENT_TIMESTAMP, claimed_by = NULL,
					    claimed_until = NULL
					WHERE status = 'FAILED' AND id IN (
					    SELECT id FROM ddd_outbox_message WHERE status = 'FAILED' ORDER BY id FETCH FIRST ? ROWS ONLY)""";
		}

		@Override
		public String purgePublished() {
			return """
					DELETE FROM ddd_outbox_message
					WHERE id IN (
					    SELECT id FROM ddd_outbox_message
					    WHERE status = 'PUBLISHED' AND published_at < ?
					    ORDER BY published_at
					    FETCH FIRST ? ROWS ONLY)""";
		}

		@Override
		public String backlog() {
			return """
					SELECT (SELECT count(*) FROM ddd_outbox_message WHERE status = 'PENDING') AS pending,
					       (SELECT min(created_at) FROM ddd_outbox_message WHERE status = 'PENDING') AS oldest,
					       (SELECT count(*) FROM ddd_outbox_message WHERE status = 'FAILED') AS dead,
					       CURRENT_TIMESTAMP AS measured_at""";
		}

		@Override
		public List<UUID> markFailed(JdbcTemplate jdbc, String pollerId, List<OutboxTable.Failure> failures,
				int maxAttempts) {
			int[][] counts = jdbc.batchUpdate(MARK_ONE_FAILED, failures, failures.size(), (statement, failure) -> {
				statement.setString(1, failure.error());
				statement.setInt(2, maxAttempts);
				statement.setLong(3, failure.delayMillis());
				statement.setObject(4, failure.id());
				statement.setString(5, pollerId);
			});
			List<UUID> marked = new ArrayList<>(failures.size());
			for (int i = 0; i < failures.size(); i++) {
				if (counts[0][i] > 0) {
					marked.add(failures.get(i).id());
				}
			}
			if (marked.isEmpty()) {
				return List.of();
			}
			// the same transaction: a row marked here and FAILED now went dead with this mark
			return jdbc.query((connection) -> {
				PreparedStatement statement = connection.prepareStatement(DEAD_AMONG);
				statement.setArray(1, connection.createArrayOf("uuid", marked.toArray(new UUID[0])));
				return statement;
			}, (row, n) -> row.getObject("id", UUID.class));
		}

	}

}
