package io.dddpersistence.eventstore;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads and writes the latest snapshot per aggregate, one row each. */
final class SnapshotStore {

	record Snapshot(long version, int schemaVersion, String state) {
	}

	private static final String LOAD = "SELECT version, schema_version, state::text FROM ddd_event_snapshot "
			+ "WHERE aggregate_type = ? AND aggregate_id = ?";

	private static final String SAVE = "INSERT INTO ddd_event_snapshot (aggregate_type, aggregate_id, version, "
			+ "schema_version, state, taken_at) VALUES (?, ?, ?, ?, ?::jsonb, now()) "
			+ "ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE SET version = excluded.version, "
			+ "schema_version = excluded.schema_version, state = excluded.state, taken_at = excluded.taken_at "
			+ "WHERE ddd_event_snapshot.version < excluded.version "
			+ "OR ddd_event_snapshot.schema_version <> excluded.schema_version";

	private final JdbcTemplate jdbc;

	SnapshotStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Snapshot> load(String aggregateType, String aggregateId) {
		return this.jdbc
			.query(LOAD, (rs, row) -> new Snapshot(rs.getLong(1), rs.getInt(2), rs.getString(3)), aggregateType,
					aggregateId)
			.stream()
			.findFirst();
	}

	void save(String aggregateType, String aggregateId, long version, int schemaVersion, String state) {
		this.jdbc.update(SAVE, aggregateType, aggregateId, version, schemaVersion, state);
	}

}
