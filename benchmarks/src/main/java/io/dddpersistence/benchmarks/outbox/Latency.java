package io.dddpersistence.benchmarks.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import io.dddpersistence.outbox.OutboundMessage;
import io.dddpersistence.outbox.OutboxMessage;
import io.dddpersistence.outbox.OutboxObserver;
import io.dddpersistence.outbox.OutboxPoller;
import io.dddpersistence.outbox.OutboxProperties;
import io.dddpersistence.outbox.OutboxWriter;
import io.dddpersistence.wakeup.WakeUpChannel;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Delay from commit to the publisher's call, at a steady write rate. */
final class Latency {

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	Latency(DataSource dataSource) {
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * Returns the sorted latencies in milliseconds of the messages written after the warm-up; with
	 * {@code wakeUps} the writer's commits wake the poller, as in one application instance.
	 */
	double[] measure(int perSecond, Duration warmUp, Duration measured, Duration pollInterval, boolean wakeUps) {
		new JdbcTemplate(this.dataSource).execute("TRUNCATE ddd_outbox_message");
		OutboxProperties settings = OutboxProperties.DEFAULTS.withPollInterval(pollInterval).withWakeUps(wakeUps);
		WakeUpChannel channel = settings.wakeUps().channel();
		OutboxWriter writer = new OutboxWriter(this.dataSource, JsonMapper.shared(), channel);
		Map<UUID, Long> committed = new ConcurrentHashMap<>();
		Map<UUID, Long> published = new ConcurrentHashMap<>();
		OutboxPoller poller = new OutboxPoller(this.dataSource, JsonMapper.shared(), (batch) -> {
			long now = System.nanoTime();
			for (OutboxMessage message : batch) {
				published.put(message.id(), now);
			}
			return List.of();
		}, settings, OutboxObserver.NONE, channel);
		poller.start();
		List<UUID> measuredIds = new ArrayList<>();
		long periodNanos = 1_000_000_000L / perSecond;
		long start = System.nanoTime();
		long warmUpEnd = start + warmUp.toNanos();
		long end = warmUpEnd + measured.toNanos();
		long next = start;
		while (next < end) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			UUID id = this.transactions.execute((status) -> writer.write(OutboundMessage.of("orders",
					new OrderPlaced(UUID.randomUUID(), 42))));
			committed.put(id, System.nanoTime());
			if (next >= warmUpEnd) {
				measuredIds.add(id);
			}
			next += periodNanos;
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!published.keySet().containsAll(measuredIds) && System.nanoTime() < deadline) {
			LockSupport.parkNanos(10_000_000L);
		}
		poller.stop();
		double[] latencies = measuredIds.stream()
			.filter(published::containsKey)
			.mapToDouble((id) -> Math.max(0, published.get(id) - committed.get(id)) / 1e6)
			.sorted()
			.toArray();
		return latencies;
	}

	static double percentile(double[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
