package io.dddpersistence.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.vendor.DatabaseVendor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Eight writers append 50,000 events to random aggregates (some shared, so conflicts happen and are
 * retried; some transactions roll back on purpose; some append to two aggregates, so that a
 * transaction has written something before it appends to a stream another one extended meanwhile)
 * while a reader and a catch-up subscription tail from the start. Both must see every aggregate's
 * versions in order.
 */
class ConcurrentAppendIntegrationTests {

	static final int WRITERS = 8;

	static final int EVENTS_PER_TRANSACTION = 10;

	EventStoreFixture fixture;

	final Queue<StoredEvent> projected = new ConcurrentLinkedQueue<>();

	/** The pages the reader got, printed when the counts do not add up. */
	final List<String> pages = new ArrayList<>();

	/** The database the suite runs on; the H2 suite overrides it and the scale. */
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	int transactionsPerWriter() {
		return 625;
	}

	/** Few enough for writers to run into each other's versions. */
	int aggregates() {
		return 400;
	}

	@BeforeEach
	void createStore() {
		this.fixture = new EventStoreFixture(vendor(), WRITERS + 2);
	}

	@AfterEach
	void closeStore() {
		this.fixture.close();
	}

	@Test
	void aTailingReaderSeesEveryCommittedEventExactlyOnceAndNoRolledBackOne() throws Exception {
		EventStore store = this.fixture.store;
		Set<UUID> committed = ConcurrentHashMap.newKeySet();
		Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();
		AtomicInteger conflicts = new AtomicInteger();
		AtomicBoolean writersDone = new AtomicBoolean();
		EventSerializer serializer = new EventSerializer(JsonMapper.shared(), EventSerializer.UnknownTypes.FAIL)
			.register(List.of(LineNoted.class));
		CatchUpSubscription subscription = new CatchUpSubscription(new EventIdProjection(), store, serializer,
				this.fixture.jdbc, this.fixture.transactionManager, EventStoreProperties.DEFAULTS.subscriptions()
					.withPolling(500, Duration.ofMillis(10))
					.withRetries(3, Duration.ofMillis(10), Duration.ofMillis(100)),
				"tailing");
		subscription.start();
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
		try {
			Future<List<StoredEvent>> reader = pool.submit(() -> tail(store, writersDone, committed));
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				writers.add(pool.submit(() -> write(store, committed, rolledBack, conflicts)));
			}
			for (Future<?> writer : writers) {
				writer.get();
			}
			writersDone.set(true);
			List<StoredEvent> seen = reader.get();

			assertThat(committed).hasSize(WRITERS * transactionsPerWriter() * EVENTS_PER_TRANSACTION);
			Set<UUID> seenIds = new HashSet<>();
			seen.forEach((event) -> seenIds.add(event.eventId()));
			if (seenIds.size() != seen.size()) {
				printDuplicates(seen);
			}
			Set<UUID> unexpected = new HashSet<>(seenIds);
			unexpected.removeAll(committed);
			assertThat(seenIds.size()).as("distinct events seen").isEqualTo(seen.size());
			assertThat(unexpected.size()).as("events seen that no writer committed").isZero();
			assertThat(seen.size()).as("events seen").isEqualTo(committed.size());
			assertThat(seenIds.stream().filter(rolledBack::contains).count()).as("rolled back events seen").isZero();
			assertThat(rolledBack).isNotEmpty();
			assertThat(conflicts.get()).as("shared aggregates made writers conflict").isPositive();
			assertVersionsInStreamOrder(seen, "the reader");
			assertThat(this.fixture.count("SELECT count(*) FROM ddd_stored_event")).isEqualTo(committed.size());

			await().atMost(Duration.ofSeconds(60)).until(() -> this.projected.size() >= committed.size());
			assertThat(this.projected).as("handled by the subscription").hasSize(committed.size());
			Set<UUID> projectedIds = new HashSet<>();
			this.projected.forEach((event) -> projectedIds.add(event.eventId()));
			assertThat(projectedIds).isEqualTo(committed);
			assertVersionsInStreamOrder(new ArrayList<>(this.projected), "the subscription");
			assertThat(subscription.status().eventsParked()).isZero();
			assertThat(subscription.status().eventsHandled()).isEqualTo(committed.size());
		}
		finally {
			subscription.stop();
			pool.shutdownNow();
		}
	}

	private void write(EventStore store, Set<UUID> committed, Set<UUID> rolledBack, AtomicInteger conflicts) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int t = 0; t < transactionsPerWriter(); t++) {
			String aggregate = "a" + random.nextInt(aggregates());
			if (random.nextInt(40) == 0) {
				List<NewEvent> events = batch(aggregate);
				try {
					this.fixture.transactions.executeWithoutResult((status) -> {
						store.appendBatch(store.currentVersion("order", aggregate), events);
						throw new IllegalStateException("roll back on purpose");
					});
				}
				catch (IllegalStateException | OptimisticConcurrencyException expected) {
					events.forEach((event) -> rolledBack.add(event.eventId()));
				}
			}
			String other = "a" + random.nextInt(aggregates());
			boolean twoAggregates = random.nextInt(4) == 0 && !other.equals(aggregate);
			while (true) {
				List<NewEvent> events = twoAggregates ? new ArrayList<>() : batch(aggregate);
				try {
					if (twoAggregates) {
						appendToTwo(store, other, aggregate, events);
					}
					else {
						store.appendBatch(store.currentVersion("order", aggregate), events);
					}
					events.forEach((event) -> committed.add(event.eventId()));
					break;
				}
				catch (OptimisticConcurrencyException ex) {
					conflicts.incrementAndGet();
					events.forEach((event) -> rolledBack.add(event.eventId()));
				}
			}
		}
	}

	// Half the events to each of two aggregates, in one transaction, in the order of their ids so
	// that two such writers never wait for each other in a cycle. The first append gives the
	// transaction its id; when a younger transaction then extends the second stream, the second
	// append is refused (overtaken) and retried like a stale version. Collects what it appended.
	private void appendToTwo(EventStore store, String one, String another, List<NewEvent> appended) {
		String first = (one.compareTo(another) < 0) ? one : another;
		String second = first.equals(one) ? another : one;
		List<NewEvent> toFirst = batch(first, EVENTS_PER_TRANSACTION / 2);
		List<NewEvent> toSecond = batch(second, EVENTS_PER_TRANSACTION - toFirst.size());
		appended.addAll(toFirst);
		appended.addAll(toSecond);
		this.fixture.transactions.executeWithoutResult((status) -> {
			store.appendBatch(store.currentVersion("order", first), toFirst);
			store.appendBatch(store.currentVersion("order", second), toSecond);
		});
	}

	private static List<NewEvent> batch(String aggregate) {
		return batch(aggregate, EVENTS_PER_TRANSACTION);
	}

	private static List<NewEvent> batch(String aggregate, int size) {
		List<NewEvent> events = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			events.add(NewEvent.of("order", aggregate, "line-noted", "{\"line\": " + i + "}"));
		}
		return events;
	}

	private List<StoredEvent> tail(EventStore store, AtomicBoolean writersDone, Set<UUID> committed) {
		List<StoredEvent> seen = new ArrayList<>();
		GlobalPosition at = GlobalPosition.START;
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			boolean done = writersDone.get();
			List<StoredEvent> page = store.readAfter(at, 1000);
			if (!page.isEmpty()) {
				this.pages.add(at + " -> " + page.get(0).globalPosition() + ".."
						+ page.get(page.size() - 1).globalPosition() + " n=" + page.size());
			}
			seen.addAll(page);
			if (!page.isEmpty()) {
				at = page.get(page.size() - 1).globalPosition();
			}
			else if (done && seen.size() >= committed.size()) {
				return seen;
			}
			else {
				Thread.onSpinWait();
			}
		}
		throw new IllegalStateException("the reader did not catch up within two minutes: " + seen.size());
	}

	private void printDuplicates(List<StoredEvent> seen) {
		Map<UUID, Integer> firstSeenAt = new HashMap<>();
		for (int i = 0; i < seen.size(); i++) {
			Integer earlier = firstSeenAt.put(seen.get(i).eventId(), i);
			if (earlier != null) {
				System.err.println("read twice, at " + earlier + " and " + i + ": " + seen.get(i));
			}
		}
		this.pages.forEach((page) -> System.err.println("page " + page));
	}

	@EventType("line-noted")
	record LineNoted(int line) {
	}

	/** Keeps the event ids it was handed, in memory: a second delivery would show as a duplicate. */
	private final class EventIdProjection implements Projection {

		@Override
		public String name() {
			return "event-ids";
		}

		@Override
		public void handle(RecordedEvent event) {
			ConcurrentAppendIntegrationTests.this.projected.add(event.stored());
		}

	}

	// in the order they were handed out: 1, 2, 3, ... per aggregate, with no gap and no reversal
	private static void assertVersionsInStreamOrder(List<StoredEvent> seen, String who) {
		Map<String, List<Long>> versions = new HashMap<>();
		seen.forEach((event) -> versions.computeIfAbsent(event.aggregateId(), (id) -> new ArrayList<>())
			.add(event.version()));
		versions.forEach((aggregate, list) -> {
			for (int i = 0; i < list.size(); i++) {
				assertThat(list.get(i)).as("event %d of %s seen by %s", i + 1, aggregate, who).isEqualTo(i + 1L);
			}
		});
	}

}
