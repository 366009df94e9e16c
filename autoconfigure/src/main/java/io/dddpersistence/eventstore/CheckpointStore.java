package io.dddpersistence.eventstore;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The SQL of catch-up subscriptions: checkpoints, leases and parked events. */
final class CheckpointStore {

	static final int LAG_COUNT_CAP = 1_000_000;

	private static final RowMapper<GlobalPosition> CHECKPOINT = (rs, row) -> new GlobalPosition(
			Long.parseLong(rs.getString(1)), rs.getLong(2));

	private final JdbcTemplate jdbc;

	private final EventStoreSql sql;

	CheckpointStore(JdbcTemplate jdbc, EventStoreSql sql) {
		this.jdbc = jdbc;
		this.sql = sql;
	}

	void ensure(String name) {
		try {
			this.jdbc.update(this.sql.ensureSubscription(), name);
		}
		catch (DuplicateKeyException ex) {
			// another instance created the row at the same moment
		}
	}

	/** Takes or renews the lease unless another live instance holds it; returns the checkpoint if taken. */
	Optional<GlobalPosition> lease(String name, String owner, Duration duration) {
		List<GlobalPosition> taken = this.jdbc.query(this.sql.lease(), CHECKPOINT, owner, duration.toMillis(), name,
				owner);
		return taken.stream().findFirst();
	}

	/**
	 * Moves the checkpoint from {@code from} to {@code to} and renews the lease, only if this owner
	 * still holds the lease and the checkpoint is still {@code from}: the fence that keeps a holder
	 * that lost its lease (a long pause, a reset) from committing a batch.
	 */
	boolean advance(String name, String owner, GlobalPosition from, GlobalPosition to, @Nullable Instant lastOccurredAt,
			Duration duration) {
		return this.jdbc.update(this.sql.advance(), Long.toString(to.transactionId()), to.position(),
				(lastOccurredAt != null) ? Timestamp.from(lastOccurredAt) : null, duration.toMillis(), name, owner,
				Long.toString(from.transactionId()), from.position()) == 1;
	}

	void release(String name, String owner) {
		this.jdbc.update(this.sql.tables().sql("UPDATE ddd_event_subscription SET lease_owner = NULL, "
				+ "lease_until = NULL WHERE name = ? AND lease_owner = ?"), name, owner);
	}

	/** Sets the checkpoint back to the start; locks the row so that a running batch cannot commit past it. */
	void rewind(String name) {
		this.jdbc.update(this.sql.rewind(), "0", name);
	}

	/**
	 * Parks an event if this owner still holds the lease; to run in a transaction of its own, which
	 * holds the subscription's row until it ends.
	 * @return whether the event is parked, {@code false} when the lease went to another instance
	 */
	boolean park(String name, String owner, StoredEvent event, String error, int attempts) {
		if (this.jdbc.update(this.sql.holdLease(), name, owner) != 1) {
			return false;
		}
		this.jdbc.update(this.sql.park(), name, event.position(), event.eventId(), event.eventType(), error, attempts);
		return true;
	}

	/** Which of these events the subscription parked. */
	Set<Long> parkedAmong(String name, List<StoredEvent> events) {
		LongSummaryStatistics positions = events.stream().mapToLong(StoredEvent::position).summaryStatistics();
		return new HashSet<>(this.jdbc.queryForList(this.sql.parkedBetween(), Long.class, name, positions.getMin(),
				positions.getMax()));
	}

	void unparkAll(String name) {
		this.jdbc.update(this.sql.unparkAll(), name);
	}

	GlobalPosition checkpoint(String name) {
		return this.jdbc.query(this.sql.checkpoint(), CHECKPOINT, name)
			.stream()
			.findFirst()
			.orElse(GlobalPosition.START);
	}

	long eventsAfter(GlobalPosition checkpoint) {
		Long count = this.jdbc.queryForObject(this.sql.eventsAfter(LAG_COUNT_CAP), Long.class,
				Long.toString(checkpoint.transactionId()), checkpoint.position());
		return (count != null) ? count : 0;
	}

	double secondsBehind(GlobalPosition checkpoint) {
		Double seconds = this.jdbc.queryForObject(this.sql.secondsBehind(), Double.class,
				Long.toString(checkpoint.transactionId()), checkpoint.position());
		return (seconds != null) ? Math.max(0, seconds) : 0;
	}

}
