package io.dddpersistence.benchmarks.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.dddpersistence.outbox.ObservedOutbox;
import io.dddpersistence.outbox.OutboxMessage;
import io.dddpersistence.outbox.OutboxObserver;
import io.dddpersistence.outbox.OutboxPoller;
import io.dddpersistence.outbox.OutboxProperties;
import io.dddpersistence.outbox.OutboxPublisher;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Draining a backlog with a no-op publisher. The library's pollers, in lock mode (the default for
 * the library's publishers) and in lease mode, against two references: a raw-JDBC loop doing the
 * same SQL work on the library's table (per mode), and a minimal relay on a six-column table with one
 * index ({@code SELECT ... FOR UPDATE SKIP LOCKED LIMIT 500} and one {@code UPDATE ... WHERE id =
 * ANY(?)} per transaction), which says what the design costs beyond the least a relay can do.
 */
final class RelayBenchmark {

	static final int BATCH = 500;

	private static final String RAW_CLAIM = """
			UPDATE ddd_outbox_message
			SET claimed_by = ?, claimed_until = now() + interval '60 seconds', next_attempt_at = now() + interval '60 seconds'
			WHERE id IN (SELECT id FROM ddd_outbox_message WHERE status = 'PENDING' AND next_attempt_at <= now()
			             ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
			RETURNING id, payload""";

	private static final String RAW_MARK = """
			UPDATE ddd_outbox_message SET status = 'PUBLISHED', published_at = now(), claimed_by = NULL, claimed_until = NULL
			WHERE id = ANY (?) AND claimed_by = ?""";

	private static final String RAW_LOCK = """
			SELECT id, payload::text FROM ddd_outbox_message WHERE status = 'PENDING' AND next_attempt_at <= now()
			ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""";

	private static final String RAW_LOCKED_MARK = """
			UPDATE ddd_outbox_message SET status = 'PUBLISHED', published_at = now(), claimed_by = NULL, claimed_until = NULL
			WHERE id = ANY (?)""";

	// six columns and one index, the partial index that finds the unpublished rows in order and by id
	private static final String MINIMAL_TABLE = """
			CREATE TABLE IF NOT EXISTS minimal_outbox (
			    id bigint GENERATED ALWAYS AS IDENTITY, topic text NOT NULL, payload jsonb NOT NULL,
			    created_at timestamptz NOT NULL DEFAULT now(), published boolean NOT NULL DEFAULT false,
			    published_at timestamptz);
			CREATE INDEX IF NOT EXISTS ix_minimal_outbox_unpublished ON minimal_outbox (id) WHERE NOT published""";

	private static final String MINIMAL_LOCK = """
			SELECT id, payload::text FROM minimal_outbox WHERE NOT published
			ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";

	private static final String MINIMAL_MARK = "UPDATE minimal_outbox SET published = true, published_at = now() "
			+ "WHERE id = ANY (?) AND NOT published";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	RelayBenchmark(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * The library's table with {@code messages} pending rows keyed as OutboxWriter keys them: version 7
	 * ids, made in SQL from the clock (random ids would put each mark's new primary key entry on a random
	 * page, a cost the library's own rows never have).
	 */
	void seed(int messages) {
		this.jdbc.execute("TRUNCATE ddd_outbox_message");
		this.jdbc.update("""
				INSERT INTO ddd_outbox_message (id, aggregate_type, aggregate_id, event_type, destination, message_key, payload)
				SELECT CAST(lpad(to_hex(CAST(floor(extract(epoch FROM clock_timestamp()) * 1000) AS bigint)), 12, '0')
				            || '7' || substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15) AS uuid),
				       'Order', g::text, 'OrderPlaced', 'orders', NULL,
				       jsonb_build_object('orderId', g, 'total', g % 1000, 'currency', 'EUR')
				FROM generate_series(1, ?) g""", messages);
		this.jdbc.execute("VACUUM ANALYZE ddd_outbox_message");
	}

	/** The minimal relay's table with {@code messages} unpublished rows of the same payloads. */
	void seedMinimal(int messages) {
		this.jdbc.execute(MINIMAL_TABLE);
		this.jdbc.execute("TRUNCATE minimal_outbox");
		this.jdbc.update("""
				INSERT INTO minimal_outbox (topic, payload)
				SELECT 'orders', jsonb_build_object('orderId', g, 'total', g % 1000, 'currency', 'EUR')
				FROM generate_series(1, ?) g""", messages);
		this.jdbc.execute("VACUUM ANALYZE minimal_outbox");
	}

	/** The library in its default mode for a quick publisher: the batch locked over the publish. */
	long library(int pollers, int messages) throws InterruptedException {
		return library(pollers, messages, OutboxProperties.Claim.AUTO, ObservationRegistry.NOOP);
	}

	/** The library in its default mode, its claims and publications observed in {@code registry}. */
	long library(int pollers, int messages, ObservationRegistry registry) throws InterruptedException {
		return library(pollers, messages, OutboxProperties.Claim.AUTO, registry);
	}

	/** The library in the given claim mode. */
	long library(int pollers, int messages, OutboxProperties.Claim claim) throws InterruptedException {
		return library(pollers, messages, claim, ObservationRegistry.NOOP);
	}

	/** The library in its default mode with retention.delete-on-publish: published rows are deleted. */
	long libraryDeletingPublished(int pollers, int messages) throws InterruptedException {
		return library(pollers, messages, OutboxProperties.Claim.AUTO, ObservationRegistry.NOOP, true);
	}

	/** The library: {@code pollers} poller instances, each on its own thread, until all are published. */
	long library(int pollers, int messages, OutboxProperties.Claim claim, ObservationRegistry registry)
			throws InterruptedException {
		return library(pollers, messages, claim, registry, false);
	}

	private long library(int pollers, int messages, OutboxProperties.Claim claim, ObservationRegistry registry,
			boolean deleteOnPublish) throws InterruptedException {
		CountDownLatch drained = new CountDownLatch(1);
		AtomicLong published = new AtomicLong();
		OutboxObserver counter = new OutboxObserver() {
			@Override
			public void published(OutboxMessage message, Duration latency) {
				if (published.incrementAndGet() == messages) {
					drained.countDown();
				}
			}
		};
		List<OutboxPoller> running = new ArrayList<>();
		for (int i = 0; i < pollers; i++) {
			OutboxProperties defaults = OutboxProperties.DEFAULTS;
			OutboxProperties.Retention retention = new OutboxProperties.Retention(defaults.retention().enabled(),
					defaults.retention().keepPublished(), defaults.retention().interval(), deleteOnPublish);
			OutboxPoller poller = ObservedOutbox.poller(this.dataSource, JsonMapper.shared(), new NoOpPublisher(),
					defaults.withBatchSize(BATCH).withPollInterval(Duration.ofMillis(10)).withClaim(claim)
						.withRetention(retention),
					counter, registry);
			running.add(poller);
			poller.start();
		}
		if (!drained.await(10, TimeUnit.MINUTES)) {
			throw new IllegalStateException("the library's pollers did not drain the backlog");
		}
		running.forEach(OutboxPoller::stop);
		return messages;
	}

	/** The raw loop of the lease mode: {@code threads} threads claiming and marking until nothing is left. */
	long rawJdbc(int threads, int messages) throws Exception {
		return drain(threads, messages, this::rawLoop);
	}

	/** The raw loop of the lock mode: lock a batch, mark it, commit, on the library's table. */
	long rawJdbcLocked(int threads, int messages) throws Exception {
		return drain(threads, messages, (owner) -> lockedLoop(RAW_LOCK, RAW_LOCKED_MARK, "uuid"));
	}

	/** The minimal relay on its six-column, one-index table. */
	long minimal(int threads, int messages) throws Exception {
		return drain(threads, messages, (owner) -> lockedLoop(MINIMAL_LOCK, MINIMAL_MARK, "int8"));
	}

	private interface Loop {

		long run(String owner) throws Exception;

	}

	private long drain(int threads, int messages, Loop loop) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<Long>> results = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			String owner = "raw-" + i;
			results.add(pool.submit(() -> loop.run(owner)));
		}
		long total = 0;
		for (Future<Long> result : results) {
			total += result.get();
		}
		pool.shutdown();
		if (total != messages) {
			throw new IllegalStateException("raw loop relayed " + total + " of " + messages);
		}
		return total;
	}

	private long lockedLoop(String lock, String markSql, String idType) throws Exception {
		long relayed = 0;
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(lock);
				PreparedStatement mark = connection.prepareStatement(markSql)) {
			connection.setAutoCommit(false);
			while (true) {
				select.setInt(1, BATCH);
				List<Object> ids = new ArrayList<>(BATCH);
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						ids.add(rows.getObject(1));
						rows.getString(2);
					}
				}
				if (ids.isEmpty()) {
					connection.commit();
					return relayed;
				}
				mark.setArray(1, connection.createArrayOf(idType, ids.toArray()));
				mark.executeUpdate();
				connection.commit();
				relayed += ids.size();
			}
		}
	}

	/** Publishes nothing, in milliseconds: what the library's own publishers say of themselves. */
	private static final class NoOpPublisher implements OutboxPublisher {

		@Override
		public List<PublishFailure> publish(List<OutboxMessage> batch) {
			return List.of();
		}

		@Override
		public boolean publishesQuickly() {
			return true;
		}

	}

	private long rawLoop(String owner) throws Exception {
		long relayed = 0;
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement claim = connection.prepareStatement(RAW_CLAIM);
				PreparedStatement mark = connection.prepareStatement(RAW_MARK)) {
			connection.setAutoCommit(true);
			while (true) {
				claim.setString(1, owner);
				claim.setInt(2, BATCH);
				List<UUID> ids = new ArrayList<>(BATCH);
				try (ResultSet rows = claim.executeQuery()) {
					while (rows.next()) {
						ids.add(rows.getObject(1, UUID.class));
						rows.getString(2);
					}
				}
				if (ids.isEmpty()) {
					return relayed;
				}
				Array array = connection.createArrayOf("uuid", ids.toArray());
				mark.setArray(1, array);
				mark.setString(2, owner);
				mark.executeUpdate();
				relayed += ids.size();
			}
		}
	}

}
