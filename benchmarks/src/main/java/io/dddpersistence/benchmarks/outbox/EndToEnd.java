package io.dddpersistence.benchmarks.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One side of the end-to-end comparison: writer threads, each committing one aggregate row and its
 * event per transaction, and a no-op listener counting deliveries. A run lasts from the first write
 * until the last delivery.
 */
final class EndToEnd {

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	private final String table;

	private final Consumer<OrderPlaced> raise;

	private final AtomicLong delivered = new AtomicLong();

	private volatile long expected;

	private volatile CountDownLatch done = new CountDownLatch(0);

	EndToEnd(TransactionTemplate transactions, JdbcTemplate jdbc, String table, Consumer<OrderPlaced> raise) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.table = table;
		this.raise = raise;
		jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " (id uuid PRIMARY KEY, total int NOT NULL)");
	}

	/** Called by the side's no-op listener. */
	void delivered() {
		if (this.delivered.incrementAndGet() == this.expected) {
			this.done.countDown();
		}
	}

	long run(int threads, int events) throws Exception {
		this.delivered.set(0);
		this.expected = events;
		this.done = new CountDownLatch(1);
		write(threads, events);
		if (!this.done.await(10, TimeUnit.MINUTES)) {
			throw new IllegalStateException("only " + this.delivered.get() + " of " + events + " delivered");
		}
		return events;
	}

	/** The writers' part alone: returns once every transaction committed. */
	long write(int threads, int events) throws Exception {
		ExecutorService writers = Executors.newFixedThreadPool(threads);
		List<Future<?>> results = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			results.add(writers.submit(() -> {
				for (int i = 0; i < events / threads; i++) {
					UUID id = UUID.randomUUID();
					this.transactions.executeWithoutResult((status) -> {
						this.jdbc.update("INSERT INTO " + this.table + " (id, total) VALUES (?, ?)", id, 42);
						this.raise.accept(new OrderPlaced(id, 42));
					});
				}
			}));
		}
		for (Future<?> result : results) {
			result.get();
		}
		writers.shutdown();
		return events;
	}

	void truncate(String... tables) {
		for (String each : tables) {
			this.jdbc.execute("TRUNCATE " + each);
		}
		this.jdbc.execute("TRUNCATE " + this.table);
	}

}
