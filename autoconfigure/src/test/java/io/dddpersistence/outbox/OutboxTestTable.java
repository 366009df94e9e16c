package io.dddpersistence.outbox;

import java.time.Duration;

import javax.sql.DataSource;

import io.dddpersistence.migration.LibrarySchema;
import io.dddpersistence.testsupport.TestDatabase;
import io.dddpersistence.testsupport.TestDatabases;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh database with the outbox table, and quick ways to fill and inspect it in tests. */
final class OutboxTestTable {

	final TestDatabase database;

	final DataSource dataSource;

	final JdbcTemplate jdbc;

	private OutboxTestTable(TestDatabase database) {
		this.database = database;
		this.dataSource = database.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	static OutboxTestTable create() {
		OutboxTestTable outbox = new OutboxTestTable(TestDatabases.create());
		new LibrarySchema(outbox.dataSource, "outbox").migrate();
		return outbox;
	}

	OutboxTable table() {
		return new OutboxTable(this.dataSource, JsonMapper.shared());
	}

	void clear() {
		this.jdbc.execute("TRUNCATE ddd_outbox_message");
	}

	/** Inserts {@code count} messages without a key, payload {"n": 1..count}. */
	void insert(int count) {
		this.jdbc.update("""
				INSERT INTO ddd_outbox_message (id, event_type, destination, payload)
				SELECT gen_random_uuid(), 'Test', 'test', jsonb_build_object('n', g) FROM generate_series(1, ?) g""",
				count);
	}

	/** Inserts {@code perKey} messages for each of {@code keys} keys, in order n = 0.. per key. */
	void insertKeyed(int keys, int perKey) {
		this.jdbc.update("""
				INSERT INTO ddd_outbox_message (id, event_type, destination, message_key, payload)
				SELECT gen_random_uuid(), 'Test', 'test', 'key-' || k, jsonb_build_object('k', k, 'n', n)
				FROM generate_series(0, ? - 1) n, generate_series(1, ?) k ORDER BY n, k""", perKey, keys);
	}

	long count(String status) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message WHERE status = ?", Long.class,
				status);
		return (count != null) ? count : 0;
	}

	long claimed() {
		Long count = this.jdbc.queryForObject(
				"SELECT count(*) FROM ddd_outbox_message WHERE claimed_by IS NOT NULL OR claimed_until IS NOT NULL",
				Long.class);
		return (count != null) ? count : 0;
	}

	static OutboxPoller.Settings fastSettings(String pollerId) {
		return OutboxPoller.Settings.defaults()
			.withPollerId(pollerId)
			.withPollInterval(Duration.ofMillis(10))
			.withRetries(100, Duration.ofMillis(1), 2.0, Duration.ofMillis(20));
	}

}
