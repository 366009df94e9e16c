package io.dddpersistence.benchmarks.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.dddpersistence.outbox.OutboundMessage;
import io.dddpersistence.outbox.OutboxWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Transactions per second with and without an outbox message next to the aggregate row. */
final class WriteOverhead {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final OutboxWriter writer;

	WriteOverhead(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.writer = new OutboxWriter(dataSource, JsonMapper.shared());
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS bench_order_write (id uuid PRIMARY KEY, total int NOT NULL)");
	}

	void reset() {
		this.jdbc.execute("TRUNCATE bench_order_write, ddd_outbox_message");
	}

	long run(int threads, int perThread, boolean withMessage) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> results = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			results.add(pool.submit(() -> {
				for (int i = 0; i < perThread; i++) {
					UUID id = UUID.randomUUID();
					this.transactions.executeWithoutResult((status) -> {
						this.jdbc.update("INSERT INTO bench_order_write (id, total) VALUES (?, ?)", id, 42);
						if (withMessage) {
							this.writer.write(OutboundMessage.of("orders", new OrderPlaced(id, 42))
								.aggregate("Order", id.toString()));
						}
					});
				}
			}));
		}
		for (Future<?> result : results) {
			result.get();
		}
		pool.shutdown();
		return (long) threads * perThread;
	}

}
