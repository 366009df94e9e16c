package io.dddpersistence.eventstore;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

/** The SQL of catch-up subscriptions: checkpoints, leases and parked events. */
final class CheckpointStore {

	static final int LAG_COUNT_CAP = 1_000_000;

	private final JdbcTemplate jdbc;

	CheckpointStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void ensure(String name) {
		this.jdbc.update("INSERT INTO ddd_event_subscription (name) VALUES (?) ON CONFLICT (name) DO NOTHING", name);
	}

	/** Takes or renews the lease unless another live instance holds it; returns the checkpoint if taken. */
	Optional<GlobalPosition> lease(String name, String owner, Duration duration) {
		List<GlobalPosition> taken = this.jdbc.query(
				"UPDATE ddd_event_subscription SET lease_owner = ?, lease_until = now() + ? * interval '1 millisecond' "
						+ "WHERE name = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < now()) "
						+ "RETURNING tx_id::text, position",
				(rs, row) -> new GlobalPosition(Long.parseLong(rs.getString(1)), rs.getLong(2)), owner,
				duration.toMillis(), name, owner);
		return taken.stream().findFirst();
	}

	/**
	 * Moves the checkpoint from {@code from} to {@code to} and renews the lease, only if this owner
	 * still holds the lease and the checkpoint is still {@code from}: the fence that keeps a holder
	 * that lost its lease (a long pause, a reset) from committing a batch.
	 */
	boolean advance(String name, String owner, GlobalPosition from, GlobalPosition to, @Nullable Instant lastOccurredAt,
			Duration duration) {
		return this.jdbc.update(
				"UPDATE ddd_event_subscription SET tx_id = ?::xid8, position = ?, last_occurred_at = ?, "
						+ "lease_until = now() + ? * interval '1 millisecond', updated_at = now() "
						+ "WHERE name = ? AND lease_owner = ? AND tx_id = ?::xid8 AND position = ?",
				Long.toString(to.transactionId()), to.position(),
				(lastOccurredAt != null) ? Timestamp.from(lastOccurredAt) : null, duration.toMillis(), name, owner,
				Long.toString(from.transactionId()), from.position()) == 1;
	}

	void release(String name, String owner) {
		this.jdbc.update("UPDATE ddd_event_subscription SET lease_owner = NULL, lease_until = NULL "
				+ "WHERE name = ? AND lease_owner = ?", name, owner);
	}

	/** Sets the checkpoint back to the start; locks the row so that a running batch cannot commit past it. */
	void rewind(String name) {
		this.jdbc.update("UPDATE ddd_event_subscription SET tx_id = '0'::xid8, position = 0, last_occurred_at = NULL, "
				+ "updated_at = now() WHERE name = ?", name);
	}

	void park(String name, StoredEvent event, String error, int attempts) {
		this.jdbc.update("INSERT INTO ddd_event_parked (subscription, position, event_id, event_type, error, attempts) "
				+ "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription, position) DO NOTHING", name, event.position(),
				event.eventId(), event.eventType(), error, attempts);
	}

	GlobalPosition checkpoint(String name) {
		return this.jdbc
			.query("SELECT tx_id::text, position FROM ddd_event_subscription WHERE name = ?",
					(rs, row) -> new GlobalPosition(Long.parseLong(rs.getString(1)), rs.getLong(2)), name)
			.stream()
			.findFirst()
			.orElse(GlobalPosition.START);
	}

	long eventsAfter(GlobalPosition checkpoint) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM ddd_stored_event "
				+ "WHERE (tx_id, position) > (?::xid8, ?) LIMIT " + LAG_COUNT_CAP + ") behind", Long.class,
				Long.toString(checkpoint.transactionId()), checkpoint.position());
		return (count != null) ? count : 0;
	}

	double secondsBehind(GlobalPosition checkpoint) {
		Double seconds = this.jdbc.queryForObject("SELECT coalesce(extract(epoch FROM now() - min(occurred_at)), 0) "
				+ "FROM (SELECT occurred_at FROM ddd_stored_event WHERE (tx_id, position) > (?::xid8, ?) "
				+ "ORDER BY tx_id, position LIMIT 1) next", Double.class, Long.toString(checkpoint.transactionId()),
				checkpoint.position());
		return (seconds != null) ? Math.max(0, seconds) : 0;
	}

}
