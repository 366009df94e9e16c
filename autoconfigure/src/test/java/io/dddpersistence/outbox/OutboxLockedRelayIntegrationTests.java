package io.dddpersistence.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lock mode of the poller ({@code ddd.persistence.outbox.claim}): the batch is held by the row
 * locks of a transaction kept open over the publish, which publishers that take milliseconds choose
 * by default, on PostgreSQL.
 */
class OutboxLockedRelayIntegrationTests {

	private static OutboxTestTable outbox;

	@BeforeAll
	static void createTable() {
		outbox = OutboxTestTable.create();
	}

	@BeforeEach
	void clear() {
		outbox.clear();
	}

	@Test
	void autoLocksForAQuickPublisherAndLeasesForAnyOther() {
		outbox.insert(3);
		AtomicReference<String> seenWhileLocked = new AtomicReference<>();
		OutboxPoller quick = poller(quick((batch) -> {
			seenWhileLocked.set(holdersAndFreeRows());
			return List.of();
		}), settings("quick"));
		assertThat(quick.pollOnce()).isEqualTo(3);
		assertThat(seenWhileLocked.get()).as("no lease written; every row locked").isEqualTo("claimed 0, free 0");
		assertThat(outbox.count("PUBLISHED")).isEqualTo(3);

		outbox.insert(3);
		AtomicReference<String> seenWhileLeased = new AtomicReference<>();
		OutboxPoller other = poller((batch) -> {
			seenWhileLeased.set(holdersAndFreeRows());
			return List.of();
		}, settings("other"));
		assertThat(other.pollOnce()).isEqualTo(3);
		assertThat(seenWhileLeased.get()).as("leased, and no lock held while publishing").isEqualTo("claimed 3, free 3");
	}

	@Test
	void lockModeWritesEachPublishedMessageOnceAndLeavesNoLease() {
		// counts the row updates the relay makes (a lease mode relay makes two per message)
		outbox.jdbc.execute("CREATE TABLE IF NOT EXISTS outbox_updates (n bigint NOT NULL)");
		outbox.jdbc.execute("""
				CREATE OR REPLACE FUNCTION count_outbox_update() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN INSERT INTO outbox_updates VALUES (1); RETURN NEW; END $$""");
		outbox.jdbc.execute("""
				CREATE OR REPLACE TRIGGER count_outbox_updates AFTER UPDATE ON ddd_outbox_message
				FOR EACH ROW EXECUTE FUNCTION count_outbox_update()""");
		outbox.insert(20);
		OutboxPoller poller = poller((batch) -> List.of(), settings("p1").withClaim(OutboxProperties.Claim.LOCK));
		long before = rowVersionsWritten();
		assertThat(poller.pollOnce()).isEqualTo(20);
		assertThat(outbox.count("PUBLISHED")).isEqualTo(20);
		assertThat(rowVersionsWritten() - before).as("one update per message").isEqualTo(20);
		assertThat(outbox.jdbc.queryForObject(
				"SELECT count(*) FROM ddd_outbox_message WHERE claimed_by IS NOT NULL OR published_at IS NULL",
				Long.class)).isZero();
		outbox.jdbc.execute("DROP TRIGGER count_outbox_updates ON ddd_outbox_message");
	}

	@Test
	void aPollerWhoseConnectionDiesMidPublishGivesItsBatchBackAtOnce() throws Exception {
		outbox.insert(10);
		CountDownLatch publishing = new CountDownLatch(1);
		CountDownLatch never = new CountDownLatch(1);
		Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
		OutboxPoller dying = poller((batch) -> {
			batch.forEach((message) -> deliveries.computeIfAbsent(message.id(), (id) -> new AtomicInteger())
				.incrementAndGet());
			publishing.countDown();
			await().atMost(Duration.ofSeconds(30)).until(() -> never.getCount() == 0);
			return List.of();
		}, settings("dying").withClaim(OutboxProperties.Claim.LOCK));
		Thread thread = new Thread(() -> {
			try {
				dying.pollOnce();
			}
			catch (RuntimeException expected) {
				// its connection was terminated: the commit fails
			}
		});
		thread.start();
		assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();
		OutboxPoller survivor = poller((batch) -> {
			batch.forEach((message) -> deliveries.computeIfAbsent(message.id(), (id) -> new AtomicInteger())
				.incrementAndGet());
			return List.of();
		}, settings("survivor").withClaim(OutboxProperties.Claim.LOCK));
		assertThat(survivor.pollOnce()).as("locked by the other poller").isZero();
		// the dying poller's database session ends, as when its process is killed
		outbox.jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
				+ "WHERE datname = current_database() AND state = 'idle in transaction' AND pid <> pg_backend_pid()");
		await().atMost(Duration.ofSeconds(10)).until(() -> survivor.pollOnce() > 0 || outbox.count("PUBLISHED") == 10);
		never.countDown();
		thread.join(10_000);
		assertThat(outbox.count("PUBLISHED")).as("no lease to wait for").isEqualTo(10);
		assertThat(deliveries).hasSize(10).allSatisfy((id, count) -> assertThat(count).hasValue(2));
	}

	@Test
	void aListenerRunsItsOwnTransactionWhileThePollerHoldsTheBatch() {
		outbox.insert(2);
		outbox.jdbc.execute("CREATE TABLE IF NOT EXISTS read_model (id uuid PRIMARY KEY)");
		outbox.jdbc.execute("TRUNCATE read_model");
		TransactionTemplate ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(outbox.dataSource));
		JdbcTemplate jdbc = new JdbcTemplate(outbox.dataSource);
		OutboxPoller poller = poller(quick((batch) -> {
			ownTransaction.executeWithoutResult((status) -> batch
				.forEach((message) -> jdbc.update("INSERT INTO read_model (id) VALUES (?)", message.id())));
			return List.of();
		}), settings("p1"));
		assertThat(poller.pollOnce()).isEqualTo(2);
		assertThat(outbox.jdbc.queryForObject("SELECT count(*) FROM read_model", Long.class)).isEqualTo(2);
		assertThat(outbox.count("PUBLISHED")).isEqualTo(2);
	}

	@Test
	void inLockModeFailuresAreRecordedAndAPublisherOutageIsCommittedBeforeThePollerBacksOff() {
		outbox.insert(4);
		OutboxPoller failing = poller((batch) -> List.of(new OutboxPublisher.PublishFailure(batch.get(0), "no route")),
				settings("p1").withClaim(OutboxProperties.Claim.LOCK)
					.withRetries(5, Duration.ofMinutes(1), 2.0, Duration.ofMinutes(10)));
		assertThat(failing.pollOnce()).isEqualTo(4);
		assertThat(outbox.count("PUBLISHED")).isEqualTo(3);
		assertThat(outbox.jdbc.queryForObject("SELECT last_error FROM ddd_outbox_message WHERE status = 'PENDING'",
				String.class)).isEqualTo("no route");

		outbox.clear();
		outbox.insert(2);
		OutboxPoller down = poller((batch) -> {
			throw new IllegalStateException("broker down");
		}, settings("p2").withClaim(OutboxProperties.Claim.LOCK)
			.withRetries(5, Duration.ofMinutes(1), 2.0, Duration.ofMinutes(10)));
		org.assertj.core.api.Assertions.assertThatThrownBy(down::pollOnce)
			.isInstanceOf(OutboxPoller.PublisherUnavailableException.class);
		assertThat(outbox.jdbc.queryForObject("SELECT sum(attempts) FROM ddd_outbox_message", Long.class))
			.as("the failed attempts committed").isEqualTo(2);
	}

	private static String holdersAndFreeRows() {
		// another connection: how many rows carry a lease, and how many it could lock
		return new TransactionTemplate(new DataSourceTransactionManager(outbox.dataSource)).execute((status) -> {
			JdbcTemplate jdbc = new JdbcTemplate(outbox.dataSource);
			Long claimed = jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message WHERE claimed_by IS NOT NULL",
					Long.class);
			int free = jdbc.queryForList("SELECT id FROM ddd_outbox_message WHERE status = 'PENDING' "
					+ "FOR UPDATE SKIP LOCKED", UUID.class).size();
			return "claimed " + claimed + ", free " + free;
		});
	}

	private static long rowVersionsWritten() {
		Long updated = outbox.jdbc.queryForObject("SELECT coalesce(sum(n), 0) FROM outbox_updates", Long.class);
		return (updated != null) ? updated : 0;
	}

	private static OutboxPublisher quick(OutboxPublisher publisher) {
		return new OutboxPublisher() {

			@Override
			public List<PublishFailure> publish(List<OutboxMessage> batch) {
				return publisher.publish(batch);
			}

			@Override
			public boolean publishesQuickly() {
				return true;
			}

		};
	}

	private static OutboxProperties settings(String pollerId) {
		return OutboxTestTable.fastSettings(pollerId);
	}

	private static OutboxPoller poller(OutboxPublisher publisher, OutboxProperties settings) {
		return new OutboxPoller(outbox.dataSource, JsonMapper.shared(), publisher, settings, OutboxObserver.NONE);
	}

}
