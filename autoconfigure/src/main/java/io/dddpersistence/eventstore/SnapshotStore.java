package io.dddpersistence.eventstore;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads and writes the latest snapshot per aggregate, one row each. */
final class SnapshotStore {

	record Snapshot(long version, int schemaVersion, String state) {
	}

	private final JdbcTemplate jdbc;

	private final EventStoreSql sql;

	SnapshotStore(JdbcTemplate jdbc, EventStoreSql sql) {
		this.jdbc = jdbc;
		this.sql = sql;
	}

	Optional<Snapshot> load(String aggregateType, String aggregateId) {
		return this.jdbc
			.query(this.sql.loadSnapshot(), (rs, row) -> new Snapshot(rs.getLong(1), rs.getInt(2), rs.getString(3)),
					aggregateType, aggregateId)
			.stream()
			.findFirst();
	}

	void save(String aggregateType, String aggregateId, long version, int schemaVersion, String state) {
		this.jdbc.update(this.sql.saveSnapshot(), aggregateType, aggregateId, version, schemaVersion, state);
	}

}
