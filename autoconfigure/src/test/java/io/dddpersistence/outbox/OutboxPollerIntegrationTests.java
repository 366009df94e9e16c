package io.dddpersistence.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.dddpersistence.vendor.DatabaseVendor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxPollerIntegrationTests {

	static OutboxTestTable outbox;

	@BeforeAll
	void createTable() {
		outbox = OutboxTestTable.create(vendor());
	}

	/** The database the suite runs on; the H2 subclass overrides it. */
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	@BeforeEach
	void clear() {
		outbox.clear();
	}

	@Test
	void publishesDueMessagesOldestFirstAndMarksThemPublished() {
		outbox.insert(3);
		Queue<String> delivered = new ConcurrentLinkedQueue<>();
		OutboxPoller poller = poller((batch) -> {
			batch.forEach((message) -> delivered.add(OutboxTestTable.compact(message.payload())));
			return List.of();
		}, OutboxTestTable.fastSettings("p1"));
		assertThat(poller.pollOnce()).isEqualTo(3);
		assertThat(delivered).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
		assertThat(outbox.count("PUBLISHED")).isEqualTo(3);
		assertThat(outbox.claimed()).isZero();
		assertThat(outbox.jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message WHERE published_at IS NULL",
				Long.class)).isZero();
		assertThat(poller.pollOnce()).isZero();
	}

	@Test
	void aFailedMessageKeepsItsErrorAndWaitsForItsBackoff() {
		outbox.insert(1);
		OutboxPoller poller = poller((batch) -> List.of(new OutboxPublisher.PublishFailure(batch.get(0), "no route")),
				OutboxTestTable.fastSettings("p1").withRetries(5, Duration.ofMinutes(1), 2.0, Duration.ofMinutes(10)));
		assertThat(poller.pollOnce()).isEqualTo(1);
		Map<String, Object> row = outbox.jdbc.queryForMap("SELECT status, attempts, last_error, claimed_by, "
				+ "next_attempt_at > CURRENT_TIMESTAMP + INTERVAL '20' SECOND AS backing_off FROM ddd_outbox_message");
		assertThat(row).containsEntry("status", "PENDING")
			.containsEntry("attempts", 1)
			.containsEntry("last_error", "no route")
			.containsEntry("backing_off", true);
		assertThat(row.get("claimed_by")).isNull();
		assertThat(poller.pollOnce()).as("not due before its back-off").isZero();
	}

	@Test
	void aMessageThatFailsMaxAttemptsTimesGoesDeadAndIsCounted() {
		outbox.insert(2);
		AtomicInteger dead = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		OutboxObserver observer = new OutboxObserver() {
			@Override
			public void failed(int count) {
				failed.addAndGet(count);
			}

			@Override
			public void dead(int count) {
				dead.addAndGet(count);
			}
		};
		OutboxPoller poller = new OutboxPoller(outbox.dataSource, JsonMapper.shared(), (batch) -> {
			throw new IllegalStateException("broker says no");
		}, OutboxTestTable.fastSettings("p1").withRetries(3, Duration.ZERO, 1.0, Duration.ZERO), observer);
		for (int i = 0; i < 3; i++) {
			try {
				poller.pollOnce();
			}
			catch (RuntimeException expected) {
				// the whole batch failed, as during an outage
			}
		}
		assertThat(outbox.count("FAILED")).isEqualTo(2);
		assertThat(failed).hasValue(6);
		assertThat(dead).hasValue(2);
		assertThat(outbox.jdbc.queryForList("SELECT last_error FROM ddd_outbox_message", String.class))
			.allSatisfy((error) -> assertThat(error).contains("broker says no"));
		assertThat(poller.pollOnce()).as("dead messages are not claimed").isZero();
	}

	@Test
	void theClaimOfAPollerThatDiedIsTakenOverOnceItsLeaseExpires() {
		outbox.insert(10);
		List<OutboxMessage> lost = outbox.table().claim("dead-poller", 300, 10, false, Long.MAX_VALUE);
		assertThat(lost).hasSize(10);
		Map<UUID, AtomicInteger> deliveries = new java.util.concurrent.ConcurrentHashMap<>();
		OutboxPoller survivor = poller((batch) -> {
			batch.forEach((message) -> deliveries.computeIfAbsent(message.id(), (id) -> new AtomicInteger())
				.incrementAndGet());
			return List.of();
		}, OutboxTestTable.fastSettings("survivor"));
		assertThat(survivor.pollOnce()).as("still leased").isZero();
		survivor.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> outbox.count("PUBLISHED") == 10);
		}
		finally {
			survivor.stop();
		}
		assertThat(deliveries).hasSize(10).allSatisfy((id, count) -> assertThat(count).hasValue(1));
		assertThat(outbox.table().markPublished("dead-poller", lost.stream().map(OutboxMessage::id).toList(), false))
			.as("a late poller cannot mark what it no longer holds")
			.isZero();
	}

	@Test
	void claimsAndMarksCommitWhenThePoolHandsOutConnectionsWithoutAutoCommit() {
		// on PostgreSQL each relay step is one statement, sent alone only where it commits on its own
		outbox.insert(5);
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setDataSource(outbox.dataSource);
			pool.setAutoCommit(false);
			pool.setMaximumPoolSize(2);
			OutboxPoller poller = new OutboxPoller(pool, JsonMapper.shared(), (batch) -> List.of(
					new OutboxPublisher.PublishFailure(batch.get(0), "no route")),
					OutboxTestTable.fastSettings("p1").withRetries(5, Duration.ofMinutes(1), 2.0, Duration.ofMinutes(10)),
					OutboxObserver.NONE);
			assertThat(poller.pollOnce()).isEqualTo(5);
		}
		// read on other connections: what the poller did is committed
		assertThat(outbox.count("PUBLISHED")).isEqualTo(4);
		assertThat(outbox.count("PENDING")).isEqualTo(1);
		assertThat(outbox.claimed()).isZero();
		assertThat(outbox.jdbc.queryForObject("SELECT last_error FROM ddd_outbox_message WHERE status = 'PENDING'",
				String.class)).isEqualTo("no route");
	}

	@Test
	void aDatabaseOutageMakesThePollerBackOffAndItDrainsWhenTheDatabaseIsBack() throws Exception {
		outbox.insert(20);
		DriverManagerDataSource flaky = new DriverManagerDataSource(outbox.unreachableUrl(),
				outbox.database.username(), outbox.database.password());
		AtomicInteger delivered = new AtomicInteger();
		OutboxPoller poller = new OutboxPoller(flaky, JsonMapper.shared(), (batch) -> {
			delivered.addAndGet(batch.size());
			return List.of();
		}, OutboxTestTable.fastSettings("p1"), OutboxObserver.NONE);
		poller.start();
		try {
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
				.until(() -> poller.isRunning() && delivered.get() == 0);
			assertThat(outbox.count("PENDING")).isEqualTo(20);
			flaky.setUrl(outbox.database.url());
			await().atMost(Duration.ofSeconds(30)).until(() -> outbox.count("PUBLISHED") == 20);
		}
		finally {
			poller.stop();
		}
		assertThat(delivered).hasValue(20);
	}

	@Test
	void stoppingLetsTheBatchInFlightFinish() throws InterruptedException {
		outbox.insert(5);
		CountDownLatch publishing = new CountDownLatch(1);
		CountDownLatch proceed = new CountDownLatch(1);
		OutboxPoller poller = poller((batch) -> {
			publishing.countDown();
			block(proceed);
			return List.of();
		}, OutboxTestTable.fastSettings("p1"));
		poller.start();
		assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();
		Thread release = new Thread(() -> {
			await().pollDelay(Duration.ofMillis(100)).until(() -> true);
			proceed.countDown();
		});
		release.start();
		poller.stop();
		assertThat(poller.isRunning()).isFalse();
		assertThat(outbox.count("PUBLISHED")).isEqualTo(5);
		assertThat(outbox.claimed()).isZero();
	}

	@Test
	void stoppingGivesBackABatchThatDoesNotFinishInTime() throws InterruptedException {
		outbox.insert(5);
		CountDownLatch publishing = new CountDownLatch(1);
		OutboxProperties settings = OutboxTestTable.fastSettings("p1").withShutdownTimeout(Duration.ofMillis(200));
		OutboxPoller poller = poller((batch) -> {
			publishing.countDown();
			block(new CountDownLatch(1));
			return List.of();
		}, settings);
		poller.start();
		assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();
		poller.stop();
		assertThat(outbox.count("PUBLISHED")).isZero();
		assertThat(outbox.claimed()).as("given back").isZero();
		assertThat(outbox.jdbc.queryForObject(
				"SELECT count(*) FROM ddd_outbox_message WHERE status = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP",
				Long.class)).as("due again at once").isEqualTo(5);
	}

	@Test
	void stoppingDoesNotWaitForThePollInterval() {
		AtomicInteger rounds = new AtomicInteger();
		outbox.insert(1);
		OutboxPoller poller = poller((batch) -> {
			rounds.incrementAndGet();
			return List.of();
		}, OutboxTestTable.fastSettings("p1").withPollInterval(Duration.ofMinutes(5)));
		poller.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 1);
		long start = System.nanoTime();
		poller.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void aDeadHeadMessageHoldsBackOnlyItsOwnKey() {
		outbox.insertKeyed(2, 3);
		UUID deadHead = outbox.jdbc.queryForObject(
				"SELECT id FROM ddd_outbox_message WHERE message_key = 'key-1' ORDER BY seq FETCH FIRST 1 ROWS ONLY",
				UUID.class);
		outbox.jdbc.update("UPDATE ddd_outbox_message SET status = 'FAILED' WHERE id = ?", deadHead);
		Queue<String> delivered = new ConcurrentLinkedQueue<>();
		OutboxPoller poller = poller((batch) -> {
			batch.forEach((message) -> delivered.add(message.key() + ":" + OutboxTestTable.compact(message.payload())));
			return List.of();
		}, OutboxTestTable.fastSettings("p1").withOrderedByKey(true));
		// one message per key per round, once the round's watermark passed (a transaction elsewhere on
		// the server can hold it for a round)
		await().atMost(Duration.ofSeconds(30)).until(() -> poller.pollOnce() >= 0 && delivered.size() == 3);
		assertThat(poller.pollOnce()).isZero();
		assertThat(delivered).containsExactly("key-2:{\"k\":2,\"n\":0}", "key-2:{\"k\":2,\"n\":1}",
				"key-2:{\"k\":2,\"n\":2}");
		assertThat(outbox.count("PENDING")).isEqualTo(2);
	}

	private static void block(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static OutboxPoller poller(OutboxPublisher publisher, OutboxProperties settings) {
		return new OutboxPoller(outbox.dataSource, JsonMapper.shared(), publisher, settings, OutboxObserver.NONE);
	}

}
