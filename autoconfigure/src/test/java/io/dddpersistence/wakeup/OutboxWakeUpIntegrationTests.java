package io.dddpersistence.wakeup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.dddpersistence.migration.LibrarySchema;
import io.dddpersistence.outbox.OutboundMessage;
import io.dddpersistence.outbox.OutboxMessage;
import io.dddpersistence.outbox.OutboxObserver;
import io.dddpersistence.outbox.OutboxPoller;
import io.dddpersistence.outbox.OutboxProperties;
import io.dddpersistence.outbox.OutboxWriter;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's wake-ups on PostgreSQL: with a 30 s poll interval a committed message is published
 * well under a second, in the writing instance and in the others; a rollback wakes nobody; a lost
 * notification is made up for by the reconnect and by the safety poll; several instances woken by
 * one notification claim each message once.
 */
class OutboxWakeUpIntegrationTests {

	static final Duration LONG_POLL = Duration.ofSeconds(30);

	static final Duration FAST = Duration.ofSeconds(1);

	TestDatabase database;

	JdbcTemplate jdbc;

	final List<AutoCloseable> toClose = new ArrayList<>();

	// message id -> the pollers that published it
	final Map<UUID, List<String>> published = new ConcurrentHashMap<>();

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.create();
		try (HikariDataSource pool = pool()) {
			new LibrarySchema(pool, "outbox").migrate();
		}
		this.jdbc = new JdbcTemplate(instancePool());
	}

	@AfterEach
	void stopAll() throws Exception {
		for (int i = this.toClose.size() - 1; i >= 0; i--) {
			this.toClose.get(i).close();
		}
	}

	@Test
	void aCommittedMessageWakesThePollerOfItsInstanceWellUnderASecond() {
		Instance instance = new Instance("one", LONG_POLL, 500, false);
		instance.startPoller();
		UUID first = instance.write(1).get(0);
		await().atMost(FAST).until(() -> this.published.containsKey(first));
		idleFor(Duration.ofMillis(300));
		UUID second = instance.write(1).get(0);
		await().atMost(FAST).until(() -> this.published.containsKey(second));
	}

	@Test
	void aRolledBackTransactionWakesNobodyAndPublishesNothing() throws Exception {
		Instance writer = new Instance("writer", LONG_POLL, 500, true);
		Instance poller = new Instance("poller", LONG_POLL, 500, true);
		poller.startPoller();
		await().atMost(Duration.ofSeconds(10)).until(() -> writer.listener.isListening() && poller.listener.isListening());
		AtomicInteger wakeUps = new AtomicInteger();
		writer.channel.subscribe(wakeUps::incrementAndGet);
		try (Connection listening = this.database.connect()) {
			try (Statement statement = listening.createStatement()) {
				statement.execute("LISTEN ddd_outbox");
			}
			PGConnection postgres = listening.unwrap(PGConnection.class);
			writer.transactions.executeWithoutResult((status) -> {
				writer.writer.writeAll(messages(3));
				status.setRollbackOnly();
			});
			List<PGNotification> received = new CopyOnWriteArrayList<>();
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> {
				received.addAll(notifications(postgres));
				return wakeUps.get() == 0 && this.published.isEmpty() && received.isEmpty();
			});
			assertThat(count("true")).isZero();

			List<UUID> committed = writer.write(3);
			await().atMost(FAST).until(() -> this.published.keySet().containsAll(committed));
			assertThat(wakeUps.get()).as("one wake-up for a transaction of three messages").isEqualTo(1);
			await().atMost(FAST).until(() -> received.addAll(notifications(postgres)) || !received.isEmpty());
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> {
				received.addAll(notifications(postgres));
				return true;
			});
			assertThat(received).as("one notification for the committed transaction").hasSize(1);
		}
	}

	@Test
	void aWriteInOneInstanceWakesThePollerOfAnotherWellUnderASecond() {
		Instance writer = new Instance("writer", LONG_POLL, 500, true);
		Instance poller = new Instance("poller", LONG_POLL, 500, true);
		poller.startPoller();
		await().atMost(Duration.ofSeconds(10)).until(() -> poller.listener.isListening());
		idleFor(Duration.ofMillis(300));
		for (int i = 0; i < 3; i++) {
			List<UUID> ids = writer.write(2);
			await().atMost(FAST).until(() -> this.published.keySet().containsAll(ids));
		}
		assertThat(this.published.values()).allSatisfy((by) -> assertThat(by).containsExactly("poller"));
	}

	@Test
	void aKilledListenerConnectionReconnectsAndALaterMessageArrivesFast() {
		Instance writer = new Instance("writer", LONG_POLL, 500, true);
		Instance poller = new Instance("poller", Duration.ofSeconds(3), 500, true);
		poller.startPoller();
		await().atMost(Duration.ofSeconds(10)).until(() -> poller.listener.isListening());
		assertThat(killListeners()).isEqualTo(2);
		// written while nobody may be listening: the reconnect's wake-up or the safety poll relays it
		List<UUID> meanwhile = writer.write(2);
		await().atMost(Duration.ofSeconds(10)).until(() -> poller.listener.connections() >= 2
				&& poller.listener.isListening() && writer.listener.isListening());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.published.keySet().containsAll(meanwhile));
		idleFor(Duration.ofMillis(300));
		List<UUID> later = writer.write(2);
		await().atMost(FAST).until(() -> this.published.keySet().containsAll(later));
		assertThat(this.published).hasSize(4).allSatisfy((id, by) -> assertThat(by).hasSize(1));
	}

	@Test
	void whileTheListenerIsDownTheSafetyPollLosesNothing() {
		Instance writer = new Instance("writer", LONG_POLL, 500, true);
		// a listener that, once killed, does not come back within the test
		Instance poller = new Instance("poller", Duration.ofSeconds(2), 500, true, Duration.ofHours(1));
		poller.startPoller();
		await().atMost(Duration.ofSeconds(10)).until(() -> poller.listener.isListening());
		idleFor(Duration.ofMillis(300));
		killListeners();
		await().atMost(Duration.ofSeconds(10)).until(() -> !poller.listener.isListening());
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.addAll(writer.write(3));
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> this.published.keySet().containsAll(ids));
		assertThat(poller.listener.isListening()).isFalse();
		assertThat(this.published).hasSize(15).allSatisfy((id, by) -> assertThat(by).hasSize(1));
	}

	@Test
	void fourInstancesWokenByOneNotificationClaimEachMessageOnce() throws Exception {
		Instance writer = new Instance("writer", LONG_POLL, 500, true);
		List<Instance> pollers = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			Instance poller = new Instance("poller-" + i, LONG_POLL, 5, true);
			poller.startPoller();
			pollers.add(poller);
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> pollers.stream().allMatch((poller) -> poller.listener.isListening()));
		idleFor(Duration.ofMillis(300));
		List<UUID> ids = writer.write(400);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.published.keySet().containsAll(ids));
		assertThat(this.published).hasSize(400).allSatisfy((id, by) -> assertThat(by).hasSize(1));
		Map<String, Long> byPoller = new ConcurrentHashMap<>();
		this.published.values().forEach((by) -> byPoller.merge(by.get(0), 1L, Long::sum));
		assertThat(byPoller.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(400);
		assertThat(byPoller).as("woken by one notification, several instances share the batch").hasSizeGreaterThan(1);
		assertThat(count("status = 'PUBLISHED'")).isEqualTo(400);
	}

	private void idleFor(Duration duration) {
		int seen = this.published.size();
		await().during(duration).atMost(duration.plusSeconds(2)).until(() -> this.published.size() == seen);
	}

	private int killListeners() {
		return this.jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? "
				+ "AND application_name = ?", Boolean.class, this.database.name(),
				PostgresWakeUpListener.APPLICATION_NAME).size();
	}

	private long count(String condition) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message WHERE " + condition, Long.class);
		return (count != null) ? count : 0;
	}

	private static List<PGNotification> notifications(PGConnection postgres) throws SQLException {
		PGNotification[] received = postgres.getNotifications(10);
		return (received != null) ? List.of(received) : List.of();
	}

	private static List<OutboundMessage> messages(int count) {
		List<OutboundMessage> messages = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			messages.add(OutboundMessage.of("orders", Map.of("n", i)));
		}
		return messages;
	}

	private HikariDataSource pool() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(this.database.url());
		pool.setUsername(this.database.username());
		pool.setPassword(this.database.password());
		pool.setMaximumPoolSize(3);
		return pool;
	}

	private HikariDataSource instancePool() {
		HikariDataSource pool = pool();
		this.toClose.add(pool);
		return pool;
	}

	/** One application instance: its pool, wake-up channel, listener, writer and (once started) poller. */
	final class Instance {

		final HikariDataSource pool = instancePool();

		final WakeUpChannel channel = OutboxProperties.DEFAULTS.wakeUps().channel();

		final PostgresWakeUpListener listener;

		final OutboxWriter writer;

		final TransactionTemplate transactions;

		final OutboxPoller poller;

		Instance(String name, Duration pollInterval, int batchSize, boolean listening) {
			this(name, pollInterval, batchSize, listening, Duration.ofMillis(50));
		}

		Instance(String name, Duration pollInterval, int batchSize, boolean listening, Duration reconnectBackoff) {
			this.listener = new PostgresWakeUpListener(this.pool, List.of(this.channel), reconnectBackoff,
					reconnectBackoff.multipliedBy(4));
			if (listening) {
				this.listener.start();
				toClose.add(this.listener::stop);
			}
			this.writer = new OutboxWriter(this.pool, JsonMapper.shared(), this.channel);
			this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.pool));
			this.poller = new OutboxPoller(this.pool, JsonMapper.shared(), (batch) -> {
				for (OutboxMessage message : batch) {
					published.computeIfAbsent(message.id(), (id) -> new CopyOnWriteArrayList<>()).add(name);
				}
				return List.of();
			}, OutboxProperties.DEFAULTS.withPollerId(name).withPollInterval(pollInterval).withBatchSize(batchSize),
					OutboxObserver.NONE, this.channel);
		}

		void startPoller() {
			this.poller.start();
			toClose.add(this.poller::stop);
		}

		List<UUID> write(int count) {
			return this.transactions.execute((status) -> this.writer.writeAll(messages(count)));
		}

	}

}
