package io.dddpersistence.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.vendor.DatabaseVendors;
import io.dddpersistence.migration.LibrarySchema;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh database with the outbox table, and quick ways to fill and inspect it in tests. The fill
 * statements are the vendor hook of the outbox suites: everything else the tests run is SQL that
 * PostgreSQL and H2 both understand.
 */
final class OutboxTestTable {

	// a version 7 id made now, as OutboxWriter makes them (H2 has RANDOM_UUID(7))
	private static final String POSTGRES_TIME_ORDERED_ID = "CAST(lpad(to_hex(CAST(floor(extract(epoch FROM "
			+ "clock_timestamp()) * 1000) AS bigint)), 12, '0') || '7' || substr(md5(random()::text), 1, 3) || '8' "
			+ "|| substr(md5(random()::text), 1, 15) AS uuid)";

	final TestDatabase database;

	final DatabaseVendor vendor;

	final DataSource dataSource;

	final JdbcTemplate jdbc;

	private OutboxTestTable(TestDatabase database, DatabaseVendor vendor) {
		this.database = database;
		this.vendor = vendor;
		this.dataSource = database.dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
	}

	static OutboxTestTable create() {
		return create(DatabaseVendor.POSTGRESQL);
	}

	static OutboxTestTable create(DatabaseVendor vendor) {
		TestDatabase database = (vendor == DatabaseVendor.H2) ? TestDatabases.createH2() : TestDatabases.create();
		OutboxTestTable outbox = new OutboxTestTable(database, vendor);
		new LibrarySchema(outbox.dataSource, "outbox").migrate();
		return outbox;
	}

	/** A URL of this database's kind that nothing answers, to simulate an outage. */
	String unreachableUrl() {
		return (this.vendor == DatabaseVendor.H2) ? "jdbc:h2:mem:nowhere_" + this.database.name() + ";IFEXISTS=TRUE"
				: unreachablePort();
	}

	private String unreachablePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return this.database.url().replaceFirst(":\\d+/", ":" + socket.getLocalPort() + "/");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** JSON text in one spelling (PostgreSQL's jsonb adds spaces, H2 keeps the text as written). */
	static String compact(String json) {
		return JsonMapper.shared().readTree(json).toString();
	}

	OutboxTable table() {
		return new OutboxTable(this.dataSource, JsonMapper.shared(), new DatabaseVendors(), LibraryTables.DEFAULT);
	}

	void clear() {
		this.jdbc.execute("TRUNCATE TABLE ddd_outbox_message");
	}

	/** Inserts {@code count} messages without a key, payload {"n": 1..count}. */
	void insert(int count) {
		if (this.vendor == DatabaseVendor.H2) {
			this.jdbc.update("""
					INSERT INTO ddd_outbox_message (id, event_type, destination, payload)
					SELECT RANDOM_UUID(7), 'Test', 'test', JSON_OBJECT('n': X) FROM SYSTEM_RANGE(1, ?) ORDER BY X""",
					count);
			return;
		}
		this.jdbc.update("""
				INSERT INTO ddd_outbox_message (id, event_type, destination, payload)
				SELECT %s, 'Test', 'test', jsonb_build_object('n', g) FROM generate_series(1, ?) g""".formatted(POSTGRES_TIME_ORDERED_ID),
				count);
	}

	/**
	 * Inserts {@code count} messages without a key written {@code ago} before now: their ids, created_at
	 * and next_attempt_at are of that time, as if OutboxWriter had written them then.
	 */
	void insertWrittenAgo(Duration ago, int count) {
		Instant writtenAt = Instant.now().minus(ago);
		List<Object[]> rows = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			UUID id = new UUID((writtenAt.toEpochMilli() << 16) | 0x7000L | n, 0x8000000000000000L | n);
			rows.add(new Object[] { id, "{\"n\": " + n + "}", writtenAt.atOffset(ZoneOffset.UTC),
					writtenAt.atOffset(ZoneOffset.UTC) });
		}
		String json = (this.vendor == DatabaseVendor.H2) ? "? FORMAT JSON" : "CAST(? AS jsonb)";
		this.jdbc.batchUpdate("INSERT INTO ddd_outbox_message (id, event_type, destination, payload, created_at, "
				+ "next_attempt_at) VALUES (?, 'Test', 'test', " + json + ", ?, ?)", rows);
	}

	/** Inserts {@code perKey} messages for each of {@code keys} keys, in order n = 0.. per key. */
	void insertKeyed(int keys, int perKey) {
		if (this.vendor == DatabaseVendor.H2) {
			this.jdbc.update("""
					INSERT INTO ddd_outbox_message (id, event_type, destination, message_key, payload)
					SELECT RANDOM_UUID(7), 'Test', 'test', CONCAT('key-', k.X), JSON_OBJECT('k': k.X, 'n': n.X)
					FROM SYSTEM_RANGE(0, ? - 1) n, SYSTEM_RANGE(1, ?) k ORDER BY n.X, k.X""", perKey, keys);
			return;
		}
		this.jdbc.update("""
				INSERT INTO ddd_outbox_message (id, event_type, destination, message_key, payload)
				SELECT %s, 'Test', 'test', 'key-' || k, jsonb_build_object('k', k, 'n', n)
				FROM generate_series(0, ? - 1) n, generate_series(1, ?) k ORDER BY n, k""".formatted(POSTGRES_TIME_ORDERED_ID), perKey, keys);
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

	static OutboxProperties fastSettings(String pollerId) {
		return OutboxProperties.DEFAULTS
			.withPollerId(pollerId)
			.withPollInterval(Duration.ofMillis(10))
			.withRetries(100, Duration.ofMillis(1), 2.0, Duration.ofMillis(20));
	}

}
