package io.dddpersistence.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.dddpersistence.vendor.DatabaseVendor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several pollers, as several application instances would run them, on one table, with a
 * publisher that fails at random. Counts must add up exactly. The database and the scale are hooks
 * for {@link OutboxReliabilityH2IntegrationTests}, where one instance runs one poller.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxReliabilityIntegrationTests {

	static OutboxTestTable outbox;

	/** The database the suite runs on; the H2 subclass overrides it. */
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	/** Pollers running at once, as so many instances would. */
	int pollers() {
		return 4;
	}

	/** Messages without a key to drain; the ordered test writes 20 messages to each of a fiftieth as many keys. */
	int messages() {
		return 50_000;
	}

	/** How the pollers hold their batches; the lock subclass overrides it. */
	OutboxProperties.Claim claim() {
		return OutboxProperties.Claim.LEASE;
	}

	/** Whether published rows are deleted instead of kept; the delete-on-publish subclasses override it. */
	boolean deleteOnPublish() {
		return false;
	}

	@BeforeAll
	void createTable() {
		outbox = OutboxTestTable.create(vendor());
	}

	@BeforeEach
	void clear() {
		outbox.clear();
	}

	@Test
	void thePollersDeliverEveryMessageExactlyOnceDespiteRandomFailures() {
		int messages = messages();
		outbox.insert(messages);
		Set<UUID> written = new HashSet<>(outbox.jdbc.queryForList("SELECT id FROM ddd_outbox_message", UUID.class));
		Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
		AtomicLong failures = new AtomicLong();
		OutboxPublisher flaky = (batch) -> {
			List<OutboxPublisher.PublishFailure> failed = new ArrayList<>();
			for (OutboxMessage message : batch) {
				if (ThreadLocalRandom.current().nextInt(10) == 0) {
					failed.add(new OutboxPublisher.PublishFailure(message, "random failure"));
					failures.incrementAndGet();
				}
				else {
					deliveries.computeIfAbsent(message.id(), (id) -> new AtomicInteger()).incrementAndGet();
				}
			}
			return failed;
		};
		runPollers(pollers(), flaky, false, () -> deliveries.size() == messages && outbox.count("PENDING") == 0);
		assertThat(deliveries.keySet()).isEqualTo(written);
		assertThat(deliveries.values()).allSatisfy((count) -> assertThat(count).hasValue(1));
		assertThat(outbox.count("PENDING")).isZero();
		assertThat(outbox.count("FAILED")).isZero();
		assertThat(failures.get()).as("the publisher did fail").isGreaterThan(messages / 20);
		if (deleteOnPublish()) {
			assertThat(outbox.jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message", Long.class))
				.as("every published row was deleted")
				.isZero();
			return;
		}
		assertThat(outbox.count("PUBLISHED")).isEqualTo(messages);
		assertThat(outbox.claimed()).isZero();
		assertThat(outbox.jdbc.queryForObject("SELECT sum(attempts) FROM ddd_outbox_message", Long.class))
			.as("every failure was recorded as an attempt")
			.isEqualTo(failures.get());
	}

	@Test
	void withPerKeyOrderingEachKeysMessagesArriveInOrderDespiteRandomFailures() {
		int perKey = 20;
		int keys = messages() / 50;
		outbox.insertKeyed(keys, perKey);
		JsonMapper json = JsonMapper.shared();
		Map<String, List<Integer>> arrivals = new ConcurrentHashMap<>();
		AtomicInteger outOfOrder = new AtomicInteger();
		AtomicInteger delivered = new AtomicInteger();
		OutboxPublisher flaky = (batch) -> {
			List<OutboxPublisher.PublishFailure> failed = new ArrayList<>();
			for (OutboxMessage message : batch) {
				if (ThreadLocalRandom.current().nextInt(10) == 0) {
					failed.add(new OutboxPublisher.PublishFailure(message, "random failure"));
					continue;
				}
				JsonNode payload = json.readTree(message.payload());
				List<Integer> seen = arrivals.computeIfAbsent(message.key(), (key) -> new ArrayList<>());
				synchronized (seen) {
					if (payload.get("n").asInt() != seen.size()) {
						outOfOrder.incrementAndGet();
					}
					seen.add(payload.get("n").asInt());
				}
				delivered.incrementAndGet();
			}
			return failed;
		};
		runPollers(pollers(), flaky, true,
				() -> delivered.get() >= keys * perKey && outbox.count("PENDING") == 0 && outbox.claimed() == 0);
		assertThat(delivered).as("no message was delivered twice").hasValue(keys * perKey);
		assertThat(outbox.count("PUBLISHED")).isEqualTo(deleteOnPublish() ? 0 : (long) keys * perKey);
		assertThat(outOfOrder).hasValue(0);
		assertThat(arrivals).hasSize(keys);
		List<Integer> inOrder = java.util.stream.IntStream.range(0, perKey).boxed().toList();
		assertThat(arrivals.values()).allSatisfy((seen) -> assertThat(seen).isEqualTo(inOrder));
		assertThat(outbox.claimed()).isZero();
	}

	private OutboxProperties withDeleteOnPublish(OutboxProperties settings) {
		OutboxProperties.Retention retention = settings.retention();
		return settings.withRetention(new OutboxProperties.Retention(retention.enabled(), retention.keepPublished(),
				retention.interval(), deleteOnPublish()));
	}

	private void runPollers(int count, OutboxPublisher publisher, boolean ordered,
			java.util.concurrent.Callable<Boolean> done) {
		List<OutboxPoller> pollers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			pollers.add(new OutboxPoller(outbox.dataSource, JsonMapper.shared(), publisher,
					withDeleteOnPublish(OutboxTestTable.fastSettings("poller-" + i).withOrderedByKey(ordered)
						.withClaim(claim())),
					OutboxObserver.NONE));
		}
		pollers.forEach(OutboxPoller::start);
		try {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(done);
		}
		finally {
			pollers.forEach(OutboxPoller::stop);
		}
	}

}
