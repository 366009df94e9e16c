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
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Draining a backlog with a no-op publisher: the library's pollers against a minimal raw-JDBC
 * relay loop doing the same claim (SKIP LOCKED, same batch size, same lease columns) and mark work.
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

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	RelayBenchmark(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	void seed(int messages) {
		this.jdbc.execute("TRUNCATE ddd_outbox_message");
		this.jdbc.update("""
				INSERT INTO ddd_outbox_message (id, aggregate_type, aggregate_id, event_type, destination, message_key, payload)
				SELECT gen_random_uuid(), 'Order', g::text, 'OrderPlaced', 'orders', NULL,
				       jsonb_build_object('orderId', g, 'total', g % 1000, 'currency', 'EUR')
				FROM generate_series(1, ?) g""", messages);
		this.jdbc.execute("VACUUM ANALYZE ddd_outbox_message");
	}

	/** The library: {@code pollers} poller instances, each on its own thread, until all are published. */
	long library(int pollers, int messages) throws InterruptedException {
		return library(pollers, messages, ObservationRegistry.NOOP);
	}

	/** The library, its claims and publications observed in {@code registry}. */
	long library(int pollers, int messages, ObservationRegistry registry) throws InterruptedException {
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
			OutboxPoller poller = ObservedOutbox.poller(this.dataSource, JsonMapper.shared(), (batch) -> List.of(),
					OutboxProperties.DEFAULTS.withBatchSize(BATCH).withPollInterval(Duration.ofMillis(10)), counter,
					registry);
			running.add(poller);
			poller.start();
		}
		if (!drained.await(10, TimeUnit.MINUTES)) {
			throw new IllegalStateException("the library's pollers did not drain the backlog");
		}
		running.forEach(OutboxPoller::stop);
		return messages;
	}

	/** The raw loop: {@code threads} threads claiming and marking until nothing is left. */
	long rawJdbc(int threads, int messages) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<Long>> results = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			String owner = "raw-" + i;
			results.add(pool.submit(() -> rawLoop(owner)));
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
