package io.dddpersistence.outbox;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import com.zaxxer.hikari.HikariDataSource;
import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.vendor.DatabaseVendors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Per-key order when the transactions writing one key overlap: with {@code ordered-by-key} a
 * message is never published before an older message of its key, not even while the older one's
 * transaction is still open, with one poller or several. The database is a hook for
 * {@link OutboxKeyOrderH2IntegrationTests}, where only writers serialized per key keep their order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxKeyOrderIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	OutboxTestTable outbox;

	HikariDataSource pool;

	TransactionTemplate transactions;

	TransactionTemplate ownTransactions;

	ExecutorService threads;

	/** The database the suite runs on; the H2 subclass overrides it. */
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	/**
	 * Whether an ordered claim waits for the open transactions of older messages (PostgreSQL); where
	 * it cannot (H2), the stress test serializes the writers of each key, as an aggregate's lock would.
	 */
	boolean waitsForOpenWriters() {
		return true;
	}

	/** Pollers of the stress test, as so many instances would run them; H2 runs the outbox in one. */
	int pollers() {
		return 3;
	}

	/** Transactions each writer of the stress test runs; fewer on H2, whose claim of key heads is slower. */
	int transactionsPerWriter() {
		return 150;
	}

	@BeforeAll
	void createTable() {
		this.outbox = OutboxTestTable.create(vendor());
		this.pool = new HikariDataSource();
		this.pool.setDataSource(this.outbox.dataSource);
		this.pool.setMaximumPoolSize(16);
		DataSourceTransactionManager manager = new DataSourceTransactionManager(this.pool);
		this.transactions = new TransactionTemplate(manager);
		this.ownTransactions = new TransactionTemplate(manager);
		this.ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.threads = Executors.newCachedThreadPool();
	}

	@AfterAll
	void close() {
		this.threads.shutdownNow();
		this.pool.close();
	}

	@BeforeEach
	void clear() {
		this.outbox.clear();
	}

	@ParameterizedTest(name = "{0} poller(s)")
	@ValueSource(ints = { 1, 2 })
	void aMessageWaitsWhileTheTransactionOfAnOlderMessageOfItsKeyIsOpen(int pollers) throws Exception {
		assumeTrue(waitsForOpenWriters(), "H2 shows no open transactions to wait for");
		Deliveries deliveries = new Deliveries();
		try (Pollers running = startPollers(pollers, deliveries.recorder(0))) {
			try (OpenTransaction first = new OpenTransaction((jdbc) -> write(message("A", "order-1")))) {
				first.awaitWritten();
				UUID second = inTransaction(message("B", "order-1"));
				UUID unordered = inTransaction(message("C", null));
				// a round after B committed relayed C: that round saw B, and left it alone
				await().atMost(WAIT).until(() -> deliveries.contains(unordered));
				assertThat(heldBack(second)).as("B waits for A's transaction").isTrue();
				assertThat(deliveries.ofKey("order-1")).isEmpty();
				first.commit();
			}
			await().atMost(WAIT).until(() -> deliveries.total() == 3);
		}
		assertThat(deliveries.ofKey("order-1")).containsExactly("A", "B");
	}

	/*
	 * A transaction whose first write is the outbox insert would hold a seq before it has a
	 * transaction id; the oldest running transaction would not show it. A default that waits for an
	 * advisory lock holds the writer in that gap.
	 */
	@Test
	void aWriterHeldBetweenItsSeqAndItsRowAlreadyHoldsBackItsKey() throws Exception {
		assumeTrue(waitsForOpenWriters(), "H2 shows no open transactions to wait for");
		this.outbox.jdbc.execute("ALTER TABLE ddd_outbox_message ADD COLUMN held text DEFAULT (CASE WHEN "
				+ "current_setting('ddd.test_hold', true) = 'on' THEN pg_advisory_xact_lock_shared(4711)::text END)");
		Deliveries deliveries = new Deliveries();
		try (Connection lock = this.outbox.database.connect(); Statement locking = lock.createStatement()) {
			locking.execute("SELECT pg_advisory_lock(4711)");
			AtomicInteger writerPid = new AtomicInteger();
			try (Pollers running = startPollers(1, deliveries.recorder(0));
					OpenTransaction first = new OpenTransaction((jdbc) -> {
						writerPid.set(jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class));
						jdbc.execute("SET LOCAL ddd.test_hold = 'on'");
						write(message("A", "order-1"));
					})) {
				await().atMost(WAIT).until(() -> waitsForAdvisoryLock(writerPid.get()));
				assertThat(this.outbox.jdbc.queryForObject(
						"SELECT backend_xid IS NOT NULL FROM pg_stat_activity WHERE pid = ?", Boolean.class,
						writerPid.get()))
					.as("the writer has its transaction id before its message has a row").isTrue();
				UUID second = inTransaction(message("B", "order-1"));
				UUID unordered = inTransaction(message("C", null));
				await().atMost(WAIT).until(() -> deliveries.contains(unordered));
				assertThat(heldBack(second)).as("B waits for A's transaction").isTrue();
				locking.execute("SELECT pg_advisory_unlock(4711)");
				first.awaitWritten();
				first.commit();
				await().atMost(WAIT).until(() -> deliveries.total() == 3);
			}
		}
		finally {
			this.outbox.jdbc.execute("ALTER TABLE ddd_outbox_message DROP COLUMN held");
		}
		assertThat(deliveries.ofKey("order-1")).containsExactly("A", "B");
	}

	@Test
	void overlappingWritersOnSharedKeysArePublishedInTheOrderOfTheirSeqExactlyOnce() throws Exception {
		int writers = 4;
		int transactionsEach = transactionsPerWriter();
		String[] keys = { "order-1", "order-2", "order-3" };
		ReentrantLock[] aggregateLocks = { new ReentrantLock(), new ReentrantLock(), new ReentrantLock() };
		Deliveries deliveries = new Deliveries();
		try (Pollers running = startPollers(pollers(), deliveries.recorder(10))) {
			List<Future<?>> writing = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				writing.add(this.threads.submit(() -> {
					for (int t = 0; t < transactionsEach; t++) {
						int key = ThreadLocalRandom.current().nextInt(keys.length);
						if (waitsForOpenWriters()) {
							writeOverlapping(keys, deliveries);
						}
						else {
							aggregateLocks[key].lock();
							try {
								writeOverlapping(new String[] { keys[key] }, deliveries);
							}
							finally {
								aggregateLocks[key].unlock();
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> writer : writing) {
				writer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			Map<String, List<String>> expected = committedInSeqOrder();
			int committed = expected.values().stream().mapToInt(List::size).sum();
			assertThat(committed).as("most transactions committed").isGreaterThan(writers * transactionsEach);
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(deliveries.total()).as("published").isEqualTo(committed);
				assertThat(this.outbox.count("PENDING")).as("pending").isZero();
			});
			assertThat(deliveries.failures()).as("the publisher did fail").isPositive();
			for (String key : keys) {
				assertThat(deliveries.ofKey(key)).as(key).isEqualTo(expected.get(key));
			}
			assertThat(deliveries.duplicates()).isEmpty();
			assertThat(this.outbox.count("PUBLISHED")).isEqualTo(committed);
		}
	}

	/*
	 * One to three messages on keys drawn at random, one statement each; a tenth roll back. A third
	 * stay open until a poller has relayed a message committed after theirs were written, so that
	 * rounds run while newer messages of their keys commit.
	 */
	private void writeOverlapping(String[] keys, Deliveries deliveries) {
		this.transactions.executeWithoutResult((status) -> {
			int messages = 1 + ThreadLocalRandom.current().nextInt(3);
			for (int i = 0; i < messages; i++) {
				String key = keys[ThreadLocalRandom.current().nextInt(keys.length)];
				write(message(UUID.randomUUID().toString(), key));
			}
			if (ThreadLocalRandom.current().nextInt(3) == 0) {
				OutboxTable.Row tick = message("tick", null);
				this.ownTransactions.executeWithoutResult((own) -> write(tick));
				await().atMost(WAIT).until(() -> deliveries.contains(tick.id()));
			}
			if (ThreadLocalRandom.current().nextInt(10) == 0) {
				status.setRollbackOnly();
			}
		});
	}

	private Map<String, List<String>> committedInSeqOrder() {
		Map<String, List<String>> byKey = new HashMap<>();
		this.outbox.jdbc.query("SELECT message_key, event_type FROM ddd_outbox_message ORDER BY seq",
				(row) -> {
					byKey.computeIfAbsent(row.getString("message_key"), (key) -> new ArrayList<>())
						.add(row.getString("event_type"));
				});
		return byKey;
	}

	private static OutboxTable.Row message(String label, @Nullable String key) {
		return new OutboxTable.Row(UUID.randomUUID(), "Order", key, label, "orders", key, "{}", "{}");
	}

	// in the transaction of the calling thread
	private void write(OutboxTable.Row row) {
		new OutboxTable(this.pool, JsonMapper.shared(), new DatabaseVendors(), LibraryTables.DEFAULT).insert(List.of(row));
	}

	private UUID inTransaction(OutboxTable.Row row) {
		this.transactions.executeWithoutResult((status) -> write(row));
		return row.id();
	}

	// pending and claimed by no poller
	private boolean heldBack(UUID id) {
		return Boolean.TRUE.equals(this.outbox.jdbc.queryForObject(
				"SELECT status = 'PENDING' AND claimed_by IS NULL FROM ddd_outbox_message WHERE id = ?", Boolean.class,
				id));
	}

	private boolean waitsForAdvisoryLock(int pid) {
		return Boolean.TRUE.equals(this.outbox.jdbc.queryForObject(
				"SELECT count(*) = 1 FROM pg_locks WHERE pid = ? AND locktype = 'advisory' AND NOT granted",
				Boolean.class, pid));
	}

	private Pollers startPollers(int count, OutboxPublisher publisher) {
		List<OutboxPoller> pollers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			pollers.add(new OutboxPoller(this.pool, JsonMapper.shared(), publisher,
					OutboxTestTable.fastSettings("poller-" + i).withOrderedByKey(true), OutboxObserver.NONE));
		}
		pollers.forEach(OutboxPoller::start);
		return new Pollers(pollers);
	}

	private record Pollers(List<OutboxPoller> pollers) implements AutoCloseable {

		@Override
		public void close() {
			this.pollers.forEach(OutboxPoller::stop);
		}

	}

	/** What the publisher confirmed, per key in the order it did, by event type (the test's label). */
	private static final class Deliveries {

		private final Map<String, List<String>> byKey = new HashMap<>();

		private final Map<UUID, AtomicInteger> times = new ConcurrentHashMap<>();

		private final AtomicInteger failures = new AtomicInteger();

		// fails the given percentage of messages at random; records the others as one step per batch
		OutboxPublisher recorder(int failurePercent) {
			return (batch) -> {
				List<OutboxPublisher.PublishFailure> failed = new ArrayList<>();
				synchronized (this) {
					for (OutboxMessage message : batch) {
						if (ThreadLocalRandom.current().nextInt(100) < failurePercent) {
							failed.add(new OutboxPublisher.PublishFailure(message, "random failure"));
							this.failures.incrementAndGet();
							continue;
						}
						this.byKey.computeIfAbsent(String.valueOf(message.key()), (key) -> new ArrayList<>())
							.add(message.eventType());
						this.times.computeIfAbsent(message.id(), (id) -> new AtomicInteger()).incrementAndGet();
					}
				}
				return failed;
			};
		}

		synchronized List<String> ofKey(String key) {
			return List.copyOf(this.byKey.getOrDefault(key, List.of()));
		}

		boolean contains(UUID id) {
			return this.times.containsKey(id);
		}

		int total() {
			return this.times.size();
		}

		int failures() {
			return this.failures.get();
		}

		List<UUID> duplicates() {
			return this.times.entrySet().stream().filter((each) -> each.getValue().get() > 1).map(Map.Entry::getKey)
				.toList();
		}

	}

	/** A transaction on a thread of its own that writes, then stays open until {@link #commit()}. */
	private final class OpenTransaction implements AutoCloseable {

		private final CountDownLatch written = new CountDownLatch(1);

		private final CountDownLatch commit = new CountDownLatch(1);

		private final Future<?> done;

		OpenTransaction(Consumer<JdbcTemplate> work) {
			JdbcTemplate jdbc = new JdbcTemplate(OutboxKeyOrderIntegrationTests.this.pool);
			this.done = OutboxKeyOrderIntegrationTests.this.threads
				.submit(() -> OutboxKeyOrderIntegrationTests.this.transactions.executeWithoutResult((status) -> {
					work.accept(jdbc);
					this.written.countDown();
					block(this.commit);
				}));
		}

		void awaitWritten() throws Exception {
			while (!this.written.await(10, TimeUnit.MILLISECONDS)) {
				if (this.done.isDone()) {
					this.done.get();
					throw new IllegalStateException("the transaction ended before it wrote");
				}
			}
		}

		void commit() throws Exception {
			this.commit.countDown();
			this.done.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}

		@Override
		public void close() {
			this.commit.countDown();
		}

		private static void block(CountDownLatch latch) {
			try {
				if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
					throw new IllegalStateException("nobody let the open transaction commit");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
