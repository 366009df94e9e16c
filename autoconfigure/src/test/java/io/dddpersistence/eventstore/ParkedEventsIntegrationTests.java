package io.dddpersistence.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.dddpersistence.eventstore.CatchUpSubscriptionIntegrationTests.SimulatedCrash;
import io.dddpersistence.eventstore.TestEvents.LineAdded;
import io.dddpersistence.vendor.DatabaseVendor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison events (a handler that throws for them on every attempt): each is parked after exactly
 * {@code max-attempts} attempts, wherever it stands and however many follow each other, and every
 * other event is handled exactly once. "Handled" is a row the projection writes in the subscription's
 * transaction, so a handling that was rolled back does not count.
 */
class ParkedEventsIntegrationTests {

	static final int MAX_ATTEMPTS = 3;

	static final int BATCH_SIZE = 10;

	static final EventStoreProperties.Subscriptions SETTINGS = EventStoreProperties.DEFAULTS
		.subscriptions()
		.withPolling(BATCH_SIZE, Duration.ofMillis(20))
		.withLease(Duration.ofSeconds(1))
		.withRetries(MAX_ATTEMPTS, Duration.ofMillis(5), Duration.ofMillis(20));

	EventStoreFixture fixture;

	EventSerializer serializer;

	final List<CatchUpSubscription> started = new ArrayList<>();

	final List<EventStoreFixture> others = new ArrayList<>();

	/** Attempts at each poison event, by position, over every instance. */
	final Map<Long, AtomicInteger> poisonAttempts = new ConcurrentHashMap<>();

	/** The database the suite runs on; the H2 suite overrides it. */
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	@BeforeEach
	void createStore() {
		this.fixture = new EventStoreFixture(vendor(), 8);
		this.fixture.jdbc.execute("CREATE TABLE projected (position bigint NOT NULL)");
		this.serializer = new EventSerializer(JsonMapper.shared(), EventSerializer.UnknownTypes.FAIL)
			.register(List.of(LineAdded.class));
	}

	@AfterEach
	void stopAndClose() {
		this.started.forEach(CatchUpSubscription::stop);
		this.others.forEach(EventStoreFixture::close);
		this.fixture.close();
	}

	@ParameterizedTest(name = "{0} in a row")
	@ValueSource(ints = { 1, 2, 5 })
	void consecutivePoisonEventsInTheMiddleOfABatchAreEachParkedAfterTheirAttempts(int consecutive) {
		Set<Integer> poison = IntStream.range(15, 15 + consecutive).boxed().collect(Collectors.toSet());
		List<StoredEvent> written = write(45, poison);
		CatchUpSubscription subscription = start(this.fixture, failingOnPoison());

		awaitCaughtUp(subscription, written, poison.size());
		assertEveryGoodEventHandledOnceAndEveryPoisonEventParked(written);
		assertThat(subscription.status().eventsHandled()).isEqualTo(written.size() - poison.size());
		assertThat(subscription.status().eventsParked()).isEqualTo(poison.size());
	}

	@Test
	void poisonEventsAtBatchBoundariesAndAtTheEndOfTheStreamAreParkedAndTheCheckpointPassesThem() {
		// with batches of 10: the first two of the stream, the last of a batch and the first of the
		// next, five in a row across a boundary, a lone last of a batch, and the stream's last event
		Set<Integer> poison = Set.of(1, 2, 10, 11, 21, 28, 29, 30, 31, 32, 40, 50);
		List<StoredEvent> written = write(50, poison);
		CatchUpSubscription subscription = start(this.fixture, failingOnPoison());

		awaitCaughtUp(subscription, written, poison.size());
		assertEveryGoodEventHandledOnceAndEveryPoisonEventParked(written);
		assertThat(subscription.status().eventsParked()).isEqualTo(poison.size());
	}

	@Test
	void anEventWhoseHandlerSwallowedAFailureThatMarkedTheTransactionRollbackOnlyIsParkedLikeAThrowingOne() {
		// the handler calls a transactional service that failed; the handler catches the exception
		// and returns, but the batch's transaction can no longer commit
		Set<Integer> poison = Set.of(4, 12, 13);
		List<StoredEvent> written = write(25, poison);
		CatchUpSubscription subscription = start(this.fixture, (event, jdbc) -> {
			if (sku(event).startsWith("poison")) {
				this.poisonAttempts.computeIfAbsent(event.stored().position(), (position) -> new AtomicInteger())
					.incrementAndGet();
				try {
					this.fixture.transactions.executeWithoutResult((inner) -> {
						throw new IllegalStateException("the service failed");
					});
				}
				catch (IllegalStateException swallowed) {
					return;
				}
			}
			project(event, jdbc);
		});

		awaitCaughtUp(subscription, written, poison.size());
		assertEveryGoodEventHandledOnceAndEveryPoisonEventParked(written);
		assertThat(this.fixture.jdbc.queryForList("SELECT DISTINCT error FROM ddd_event_parked", String.class))
			.hasSize(poison.size())
			.allSatisfy((error) -> assertThat(error).contains("rollback-only"));
	}

	@Test
	void aParkSurvivesAFailureOfTheBatchAfterItAndANewInstanceDoesNotRetryTheParkedEvent() {
		Set<Integer> poison = Set.of(15, 16);
		List<StoredEvent> written = write(30, poison);
		AtomicBoolean crashed = new AtomicBoolean();
		CatchUpSubscription first = start(this.fixture, (event, jdbc) -> {
			failOnPoison(event);
			if (sku(event).equals("sku-17") && crashed.compareAndSet(false, true)) {
				// the batch that skips the parked 16 dies, with the checkpoint still before 16
				throw new SimulatedCrash();
			}
			project(event, jdbc);
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> first.status().crashed());
		assertThat(parkedPositions()).isEqualTo(positionsOf(written, true));
		Map<Long, Integer> attemptsBeforeRestart = attemptsSoFar();

		EventStoreFixture restarted = this.fixture.sameDatabase();
		this.others.add(restarted);
		CatchUpSubscription second = start(restarted, failingOnPoison());
		awaitCaughtUp(second, written, poison.size());

		assertThat(attemptsSoFar()).as("the new instance never tried a parked event").isEqualTo(attemptsBeforeRestart);
		assertEveryGoodEventHandledOnceAndEveryPoisonEventParked(written);
		assertThat(second.status().eventsParked()).isZero();
	}

	@Test
	void aResetRetriesTheParkedEventsOnceTheirHandlerIsFixed() {
		Set<Integer> poison = Set.of(5, 6);
		List<StoredEvent> written = write(20, poison);
		AtomicBoolean fixed = new AtomicBoolean();
		CatchUpSubscription subscription = start(this.fixture, new Handler() {

			@Override
			public void handle(RecordedEvent event, JdbcTemplate jdbc) {
				if (!fixed.get()) {
					failOnPoison(event);
				}
				project(event, jdbc);
			}

			@Override
			public void reset(JdbcTemplate jdbc) {
				jdbc.update("DELETE FROM projected");
			}

		});
		awaitCaughtUp(subscription, written, poison.size());

		fixed.set(true);
		subscription.reset();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> projectedPositions().size() == written.size() && caughtUp(subscription, written));
		assertThat(projectedPositions()).isEqualTo(written.stream().map(StoredEvent::position).sorted().toList());
		assertThat(parkedPositions()).isEmpty();
	}

	@Test
	void anInstanceThatLostTheLeaseCannotParkAnEventTheNewHolderIsHandling() {
		StoredEvent event = write(1, Set.of(1)).get(0);
		CheckpointStore checkpoints = new CheckpointStore(this.fixture.jdbc, this.fixture.store.sql());
		checkpoints.ensure("rows");
		assertThat(checkpoints.lease("rows", "new-holder", Duration.ofSeconds(30))).isPresent();

		Boolean parkedByOldHolder = this.fixture.transactions
			.execute((status) -> checkpoints.park("rows", "old-holder", event, "late", MAX_ATTEMPTS));
		assertThat(parkedByOldHolder).isFalse();
		assertThat(parkedPositions()).isEmpty();
		Boolean parkedByNewHolder = this.fixture.transactions
			.execute((status) -> checkpoints.park("rows", "new-holder", event, "failed", MAX_ATTEMPTS));
		assertThat(parkedByNewHolder).isTrue();
		assertThat(parkedPositions()).containsExactly(event.position());
	}

	private void assertEveryGoodEventHandledOnceAndEveryPoisonEventParked(List<StoredEvent> written) {
		List<Long> poison = positionsOf(written, true);
		assertThat(projectedPositions()).as("each good event handled once, none lost")
			.isEqualTo(positionsOf(written, false));
		assertThat(parkedPositions()).isEqualTo(poison);
		assertThat(this.fixture.jdbc.queryForList("SELECT DISTINCT attempts FROM ddd_event_parked", Integer.class))
			.containsExactly(MAX_ATTEMPTS);
		assertThat(attemptsSoFar()).as("attempts per poison event")
			.isEqualTo(poison.stream().collect(Collectors.toMap((position) -> position, (position) -> MAX_ATTEMPTS)));
	}

	private void awaitCaughtUp(CatchUpSubscription subscription, List<StoredEvent> written, int parked) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> caughtUp(subscription, written) && parkedPositions().size() == parked);
	}

	private static boolean caughtUp(CatchUpSubscription subscription, List<StoredEvent> written) {
		return subscription.status().checkpoint().equals(written.get(written.size() - 1).globalPosition());
	}

	/** Writes events in batches of 7, so that appends and reads do not line up; returns them in the store's order. */
	private List<StoredEvent> write(int count, Set<Integer> poison) {
		for (int from = 1; from <= count; from += 7) {
			String id = "order-" + from;
			List<NewEvent> batch = new ArrayList<>();
			for (int n = from; n < Math.min(from + 7, count + 1); n++) {
				batch.add(this.serializer.serialize("order", id,
						new LineAdded((poison.contains(n) ? "poison-" : "sku-") + n, 1)));
			}
			this.fixture.store.appendBatch(0, batch);
		}
		// readers see an event once every older transaction of the server has ended, other tests' included
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> this.fixture.store.readAfter(GlobalPosition.START, count + 1), (read) -> read.size() == count);
	}

	private List<Long> positionsOf(List<StoredEvent> written, boolean poison) {
		return written.stream()
			.filter((event) -> sku(this.serializer.record(event).orElseThrow()).startsWith("poison") == poison)
			.map(StoredEvent::position)
			.sorted()
			.toList();
	}

	private Map<Long, Integer> attemptsSoFar() {
		return this.poisonAttempts.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().get()));
	}

	private List<Long> projectedPositions() {
		return this.fixture.jdbc.queryForList("SELECT position FROM projected ORDER BY position", Long.class);
	}

	private List<Long> parkedPositions() {
		return this.fixture.jdbc.queryForList(
				"SELECT position FROM ddd_event_parked WHERE subscription = 'rows' ORDER BY position", Long.class);
	}

	private Handler failingOnPoison() {
		return (event, jdbc) -> {
			failOnPoison(event);
			project(event, jdbc);
		};
	}

	private void failOnPoison(RecordedEvent event) {
		if (sku(event).startsWith("poison")) {
			this.poisonAttempts.computeIfAbsent(event.stored().position(), (position) -> new AtomicInteger())
				.incrementAndGet();
			throw new IllegalStateException("cannot project " + sku(event));
		}
	}

	private static void project(RecordedEvent event, JdbcTemplate jdbc) {
		jdbc.update("INSERT INTO projected (position) VALUES (?)", event.stored().position());
	}

	private static String sku(RecordedEvent event) {
		return ((LineAdded) event.payload()).sku();
	}

	private CatchUpSubscription start(EventStoreFixture on, Handler handler) {
		Projection projection = new Projection() {

			@Override
			public String name() {
				return "rows";
			}

			@Override
			public void handle(RecordedEvent event) {
				handler.handle(event, on.jdbc);
			}

			@Override
			public void reset() {
				handler.reset(on.jdbc);
			}

		};
		CatchUpSubscription subscription = new CatchUpSubscription(projection, on.store, this.serializer, on.jdbc,
				on.transactionManager, SETTINGS, "instance-" + this.started.size());
		this.started.add(subscription);
		subscription.start();
		return subscription;
	}

	/** A projection's body, given the JdbcTemplate of the instance that runs it. */
	interface Handler {

		void handle(RecordedEvent event, JdbcTemplate jdbc);

		default void reset(JdbcTemplate jdbc) {
		}

	}

}
