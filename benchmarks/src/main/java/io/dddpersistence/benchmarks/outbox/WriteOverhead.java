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

/**
 * Transactions per second with and without an outbox message next to the aggregate row, and two
 * references that show where the cost lies: the same outbox row inserted by hand with plain JDBC,
 * and a second plain row (the cheapest possible second statement in the transaction).
 */
final class WriteOverhead {

	enum Extra {

		NONE, OUTBOX_WRITER, RAW_JDBC_OUTBOX_ROW, SECOND_AGGREGATE_ROW

	}

	private static final String RAW_OUTBOX_INSERT = "INSERT INTO ddd_outbox_message (id, aggregate_type, aggregate_id, "
			+ "event_type, destination, message_key, headers, payload) "
			+ "VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))";

	private static final String AGGREGATE_INSERT = "INSERT INTO bench_order_write (id, total) VALUES (?, ?)";

	private final JsonMapper json = JsonMapper.shared();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final OutboxWriter writer;

	WriteOverhead(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.writer = new OutboxWriter(dataSource, this.json);
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS bench_order_write (id uuid PRIMARY KEY, total int NOT NULL)");
	}

	void reset() {
		this.jdbc.execute("TRUNCATE bench_order_write, ddd_outbox_message");
	}

	long run(int threads, int perThread, Extra extra) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> results = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			results.add(pool.submit(() -> {
				for (int i = 0; i < perThread; i++) {
					UUID id = UUID.randomUUID();
					this.transactions.executeWithoutResult((status) -> {
						this.jdbc.update(AGGREGATE_INSERT, id, 42);
						switch (extra) {
							case OUTBOX_WRITER -> this.writer.write(OutboundMessage.of("orders", new OrderPlaced(id, 42))
								.aggregate("Order", id.toString()));
							case RAW_JDBC_OUTBOX_ROW -> this.jdbc.update(RAW_OUTBOX_INSERT, UUID.randomUUID(), "Order",
									id.toString(), OrderPlaced.class.getName(), "orders", id.toString(), "{}",
									this.json.writeValueAsString(new OrderPlaced(id, 42)));
							case SECOND_AGGREGATE_ROW -> this.jdbc.update(AGGREGATE_INSERT, UUID.randomUUID(), 42);
							case NONE -> {
							}
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
