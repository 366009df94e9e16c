package io.dddpersistence.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every SQL statement of the outbox, in one place, with bind parameters only. Statements that the
 * relay runs outside the caller's transaction go through a transaction template of their own, so
 * that they commit even when the pool hands out connections with auto-commit off.
 */
final class OutboxTable {

	private static final String COLUMNS = "id, seq, aggregate_type, aggregate_id, event_type, destination, message_key, "
			+ "headers::text AS headers, payload::text AS payload, status, attempts, last_error, created_at, published_at";

	private static final String INSERT = """
			INSERT INTO ddd_outbox_message
			    (id, aggregate_type, aggregate_id, event_type, destination, message_key, headers, payload)
			VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""";

	private static final String CLAIM = """
			UPDATE ddd_outbox_message
			SET claimed_by = ?, claimed_until = now() + CAST(? AS double precision) * interval '1 millisecond',
			    next_attempt_at = now() + CAST(? AS double precision) * interval '1 millisecond'
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
	private static final String CLAIM_HEADS_OF_KEYS = """
			UPDATE ddd_outbox_message
			SET claimed_by = ?, claimed_until = now() + CAST(? AS double precision) * interval '1 millisecond',
			    next_attempt_at = now() + CAST(? AS double precision) * interval '1 millisecond'
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

	private static final String MARK_PUBLISHED = """
			UPDATE ddd_outbox_message
			SET status = 'PUBLISHED', published_at = now(), claimed_by = NULL, claimed_until = NULL
			WHERE id = ANY (?) AND claimed_by = ? AND status = 'PENDING'""";

	private static final String MARK_FAILED = """
			UPDATE ddd_outbox_message m
			SET attempts = m.attempts + 1, last_error = f.error,
			    status = CASE WHEN m.attempts + 1 >= ? THEN 'FAILED' ELSE 'PENDING' END,
			    next_attempt_at = now() + f.delay_ms * interval '1 millisecond',
			    claimed_by = NULL, claimed_until = NULL
			FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS double precision[])) AS f (id, error, delay_ms)
			WHERE m.id = f.id AND m.claimed_by = ? AND m.status = 'PENDING'
			RETURNING m.id, m.status""";

	private static final String RELEASE = """
			UPDATE ddd_outbox_message
			SET claimed_by = NULL, claimed_until = NULL, next_attempt_at = now()
			WHERE id = ANY (?) AND claimed_by = ? AND status = 'PENDING'""";

	private static final String LIST_DEAD = "SELECT " + COLUMNS + """
			 FROM ddd_outbox_message
			WHERE status = 'FAILED' AND id > ?
			ORDER BY id
			LIMIT ?""";

	private static final String RESUBMIT = """
			UPDATE ddd_outbox_message
			SET status = 'PENDING', attempts = 0, next_attempt_at = now(), claimed_by = NULL, claimed_until = NULL
			WHERE id = ANY (?) AND status = 'FAILED'""";

	private static final String RESUBMIT_NEXT_DEAD = """
			UPDATE ddd_outbox_message
			SET status = 'PENDING', attempts = 0, next_attempt_at = now(), claimed_by = NULL, claimed_until = NULL
			WHERE id IN (
			    SELECT id FROM ddd_outbox_message WHERE status = 'FAILED' ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)""";

	private static final String PURGE_PUBLISHED = """
			DELETE FROM ddd_outbox_message
			WHERE id IN (
			    SELECT id FROM ddd_outbox_message
			    WHERE status = 'PUBLISHED' AND published_at < ?
			    ORDER BY published_at
			    LIMIT ?)""";

	private static final String BACKLOG = """
			SELECT (SELECT count(*) FROM ddd_outbox_message WHERE status = 'PENDING') AS pending,
			       (SELECT min(created_at) FROM ddd_outbox_message WHERE status = 'PENDING') AS oldest,
			       (SELECT count(*) FROM ddd_outbox_message WHERE status = 'FAILED') AS dead,
			       now() AS measured_at""";

	// PostgreSQL orders uuids as unsigned bytes: the nil uuid comes first
	private static final UUID LOWEST_ID = new UUID(0, 0);

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final RowMapper<OutboxMessage> messages = this::message;

	OutboxTable(DataSource dataSource, JsonMapper json) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.json = json;
	}

	/** Inserts in the caller's transaction (the writer checked there is one). */
	void insert(List<Row> rows) {
		if (rows.size() == 1) {
			// the common case, one message per transaction: a plain statement, no batch bookkeeping
			this.jdbc.update(INSERT, (statement) -> bind(statement, rows.get(0)));
		}
		else {
			this.jdbc.batchUpdate(INSERT, rows, rows.size(), OutboxTable::bind);
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

	/** Claims up to {@code limit} due messages for {@code leaseMillis}, in insertion order. */
	List<OutboxMessage> claim(String pollerId, long leaseMillis, int limit, boolean headsOfKeysOnly) {
		String sql = headsOfKeysOnly ? CLAIM_HEADS_OF_KEYS : CLAIM;
		List<Claimed> claimed = inTransaction(() -> this.jdbc.query(sql, (row, n) -> new Claimed(row.getLong("seq"),
				message(row, n)), pollerId, leaseMillis, leaseMillis, limit));
		claimed.sort(Comparator.comparingLong(Claimed::seq));
		List<OutboxMessage> batch = new ArrayList<>(claimed.size());
		claimed.forEach((each) -> batch.add(each.message()));
		return batch;
	}

	/** Marks published the given messages that this poller still holds; returns how many. */
	int markPublished(String pollerId, List<UUID> ids) {
		return inTransaction(() -> this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(MARK_PUBLISHED);
			statement.setArray(1, uuids(connection, ids));
			statement.setString(2, pollerId);
			return statement;
		}));
	}

	/**
	 * Records one failed attempt per message (error text and delay before the next attempt); a
	 * message reaching {@code maxAttempts} goes dead. Returns the ids that went dead.
	 */
	List<UUID> markFailed(String pollerId, List<Failure> failures, int maxAttempts) {
		UUID[] ids = new UUID[failures.size()];
		String[] errors = new String[failures.size()];
		Double[] delays = new Double[failures.size()];
		for (int i = 0; i < failures.size(); i++) {
			ids[i] = failures.get(i).id();
			errors[i] = failures.get(i).error();
			delays[i] = (double) failures.get(i).delayMillis();
		}
		List<UUID> dead = new ArrayList<>();
		inTransaction(() -> this.jdbc.query((connection) -> {
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
		}));
		return dead;
	}

	/** Gives claimed messages back for any poller to take now; returns how many. */
	int release(String pollerId, List<UUID> ids) {
		return inTransaction(() -> this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(RELEASE);
			statement.setArray(1, uuids(connection, ids));
			statement.setString(2, pollerId);
			return statement;
		}));
	}

	List<OutboxMessage> dead(@Nullable UUID after, int limit) {
		return this.jdbc.query(LIST_DEAD, this.messages, (after != null) ? after : LOWEST_ID, limit);
	}

	int resubmit(List<UUID> ids) {
		return inTransaction(() -> this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(RESUBMIT);
			statement.setArray(1, uuids(connection, ids));
			return statement;
		}));
	}

	int resubmitNextDead(int limit) {
		return inTransaction(() -> this.jdbc.update(RESUBMIT_NEXT_DEAD, limit));
	}

	int purgePublishedBefore(Instant cutoff, int limit) {
		return inTransaction(() -> this.jdbc.update(PURGE_PUBLISHED, Timestamp.from(cutoff), limit));
	}

	OutboxBacklog backlog() {
		return this.jdbc.queryForObject(BACKLOG, (row, n) -> new OutboxBacklog(row.getLong("pending"),
				instant(row, "oldest"), row.getLong("dead"), instantOrNow(row, "measured_at")));
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

	private OutboxMessage message(ResultSet row, int rowNumber) throws SQLException {
		return new OutboxMessage(row.getObject("id", UUID.class), row.getString("aggregate_type"),
				row.getString("aggregate_id"), row.getString("event_type"), row.getString("destination"),
				row.getString("message_key"), this.json.readValue(row.getString("headers"), HEADERS),
				row.getString("payload"), OutboxStatus.valueOf(row.getString("status")), row.getInt("attempts"),
				row.getString("last_error"), instantOrNow(row, "created_at"), instant(row, "published_at"));
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static Instant instantOrNow(ResultSet row, String column) throws SQLException {
		Instant value = instant(row, column);
		return (value != null) ? value : Instant.now();
	}

	/** A message ready for insertion, payload and headers already serialized. */
	record Row(UUID id, @Nullable String aggregateType, @Nullable String aggregateId, String eventType,
			@Nullable String destination, @Nullable String key, String headersJson, String payloadJson) {
	}

	/** One failed attempt: the error text and the delay before the next attempt. */
	record Failure(UUID id, String error, long delayMillis) {
	}

	private record Claimed(long seq, OutboxMessage message) {
	}

}
