package io.dddpersistence.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.dddpersistence.eventstore.TestEvents.LineAdded;
import io.dddpersistence.eventstore.TestEvents.OrderPlaced;
import io.dddpersistence.vendor.DatabaseVendor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CatchUpSubscriptionIntegrationTests {

	static final EventStoreProperties.Subscriptions FAST = EventStoreProperties.DEFAULTS.subscriptions()
		.withPolling(100, Duration.ofMillis(20))
		.withLease(Duration.ofSeconds(1))
		.withRetries(3, Duration.ofMillis(10), Duration.ofMillis(100));

	EventStoreFixture fixture;

	EventSerializer serializer;

	final List<CatchUpSubscription> started = new ArrayList<>();

	/** The database the suite runs on; the H2 suite overrides it. */
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	@BeforeEach
	void createStore() {
		this.fixture = new EventStoreFixture(vendor(), 8);
		this.fixture.jdbc.execute("CREATE TABLE projected (position bigint NOT NULL, instance varchar(255) NOT NULL)");
		this.serializer = new EventSerializer(JsonMapper.shared(), EventSerializer.UnknownTypes.FAIL)
			.register(List.of(OrderPlaced.class, LineAdded.class));
	}

	@AfterEach
	void stopAndClose() {
		this.started.forEach(CatchUpSubscription::stop);
		this.fixture.close();
	}

	@Test
	void everyEventIsProjectedOnceInOrderAndTheCheckpointFollows() {
		appendLines(1000);
		CatchUpSubscription subscription = start(new RecordingProjection("a", (event) -> {
		}));
		await().atMost(Duration.ofSeconds(30)).until(() -> projected() == 1000);
		assertThat(distinctProjected()).isEqualTo(1000);
		List<StoredEvent> all = this.fixture.store.readAfter(GlobalPosition.START, 5000);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> subscription.status().checkpoint().equals(all.get(all.size() - 1).globalPosition()));
		SubscriptionStatus status = subscription.status();
		assertThat(status.eventsBehind()).isZero();
		assertThat(status.secondsBehind()).isZero();
		assertThat(status.eventsHandled()).isEqualTo(1000);
		assertThat(status.active()).isTrue();
	}

	@Test
	void onlyOneInstanceProcessesAndAnotherTakesOverWhenTheHolderDiesMidBatch() {
		appendLines(3000);
		AtomicInteger handledByA = new AtomicInteger();
		AtomicInteger handledByB = new AtomicInteger();
		AtomicInteger concurrent = new AtomicInteger();
		AtomicInteger maxConcurrent = new AtomicInteger();
		AtomicBoolean crashed = new AtomicBoolean();
		AtomicInteger handledByBBeforeCrash = new AtomicInteger(-1);
		CatchUpSubscription a = start(new RecordingProjection("a", (event) -> {
			enter(concurrent, maxConcurrent);
			try {
				if (handledByA.incrementAndGet() == 1550 && crashed.compareAndSet(false, true)) {
					handledByBBeforeCrash.set(handledByB.get());
					throw new SimulatedCrash();
				}
			}
			finally {
				concurrent.decrementAndGet();
			}
		}), "instance-a");
		await().atMost(Duration.ofSeconds(10)).until(() -> handledByA.get() > 0);
		CatchUpSubscription b = start(new RecordingProjection("b", (event) -> {
			enter(concurrent, maxConcurrent);
			handledByB.incrementAndGet();
			concurrent.decrementAndGet();
		}), "instance-b");

		await().atMost(Duration.ofSeconds(60)).until(() -> projected() == 3000);
		assertThat(crashed).isTrue();
		assertThat(handledByBBeforeCrash.get()).as("B handled nothing while A held the lease").isZero();
		assertThat(a.status().crashed()).isTrue();
		assertThat(new ProjectionsHealthIndicator(new Projections(List.of(a))).health(true).getStatus())
			.isEqualTo(Status.DOWN);
		assertThat(new ProjectionsHealthIndicator(new Projections(List.of(b))).health(true).getStatus())
			.isEqualTo(Status.UP);
		assertThat(maxConcurrent.get()).isEqualTo(1);
		assertThat(distinctProjected()).as("no event applied twice").isEqualTo(3000);
		assertThat(this.fixture.count("SELECT count(*) FROM projected WHERE instance = 'a'"))
			.as("A's committed batches, none of the one it died in").isEqualTo(1500);
		assertThat(this.fixture.count("SELECT count(*) FROM projected WHERE instance = 'b'")).isEqualTo(1500);
		assertThat(b.status().active()).isTrue();
	}

	@Test
	void aPoisonEventIsRetriedThenParkedAndTheRestIsProjected() {
		appendLines(250);
		this.fixture.store.append(0, this.serializer.serialize("order", "poisoned", new OrderPlaced("poison")));
		appendLines(50);
		AtomicInteger transientFailures = new AtomicInteger();
		CatchUpSubscription subscription = start(new RecordingProjection("a", (event) -> {
			if (event.payload() instanceof OrderPlaced placed && placed.customer().equals("poison")) {
				throw new IllegalStateException("cannot project this one");
			}
			if (event.version() == 7 && transientFailures.getAndIncrement() < 2) {
				throw new IllegalStateException("flaky read model");
			}
		}));
		await().atMost(Duration.ofSeconds(30)).until(() -> projected() == 300);
		assertThat(distinctProjected()).isEqualTo(300);
		assertThat(this.fixture.count("SELECT attempts FROM ddd_event_parked WHERE subscription = 'rows'"))
			.isEqualTo(3);
		assertThat(this.fixture.count("SELECT count(*) FROM ddd_event_parked")).isEqualTo(1);
		assertThat(subscription.status().eventsParked()).isEqualTo(1);
		assertThat(transientFailures.get()).as("a failure that went away is not parked").isGreaterThanOrEqualTo(2);
	}

	@Test
	void resetClearsTheReadModelAndRebuildsItFromTheStart() {
		appendLines(400);
		AtomicInteger resets = new AtomicInteger();
		RecordingProjection projection = new RecordingProjection("a", (event) -> {
		}) {
			@Override
			public void reset() {
				resets.incrementAndGet();
				CatchUpSubscriptionIntegrationTests.this.fixture.jdbc.update("DELETE FROM projected");
			}
		};
		CatchUpSubscription subscription = start(projection);
		await().atMost(Duration.ofSeconds(30)).until(() -> projected() == 400);
		subscription.reset();
		assertThat(resets.get()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> projected() == 400 && subscription.status().eventsBehind() == 0);
		assertThat(distinctProjected()).isEqualTo(400);
		assertThat(subscription.status().eventsHandled()).isEqualTo(800);
	}

	@Test
	void aSubscriptionRidesOutLostDatabaseConnections() {
		appendLines(300);
		AtomicInteger handled = new AtomicInteger();
		AtomicBoolean cut = new AtomicBoolean();
		CatchUpSubscription subscription = start(new RecordingProjection("a", (event) -> {
			if (handled.incrementAndGet() == 150 && cut.compareAndSet(false, true)) {
				// every connection of the pool dies, this batch's included, as when the database restarts
				try (Connection admin = this.fixture.database.connect();
						Statement statement = admin.createStatement()) {
					statement.execute(this.fixture.closeOtherConnectionsSql());
					// the pool notices dead connections only when they fail; the test's own queries
					// below should not be the ones to find out
					this.fixture.dataSource.getHikariPoolMXBean().softEvictConnections();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}));
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> projected() == 300);
		assertThat(cut).isTrue();
		assertThat(distinctProjected()).isEqualTo(300);
		assertThat(this.fixture.count("SELECT count(*) FROM ddd_event_parked")).isZero();
		assertThat(subscription.status().crashed()).isFalse();
	}

	private static void enter(AtomicInteger concurrent, AtomicInteger maxConcurrent) {
		maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
	}

	private CatchUpSubscription start(Projection projection) {
		return start(projection, "instance-" + projection.hashCode());
	}

	private CatchUpSubscription start(Projection projection, String owner) {
		CatchUpSubscription subscription = new CatchUpSubscription(projection, this.fixture.store, this.serializer,
				this.fixture.jdbc, this.fixture.transactionManager, FAST, owner);
		this.started.add(subscription);
		subscription.start();
		return subscription;
	}

	private void appendLines(int count) {
		for (int i = 0; i < count; i += 10) {
			String id = "order-" + (i / 10 % 37);
			List<NewEvent> batch = new ArrayList<>();
			for (int j = 0; j < 10; j++) {
				batch.add(this.serializer.serialize("order", id, new LineAdded("sku-" + (i + j), 1)));
			}
			this.fixture.store.appendBatch(this.fixture.store.currentVersion("order", id), batch);
		}
	}

	private long projected() {
		return this.fixture.count("SELECT count(*) FROM projected");
	}

	private long distinctProjected() {
		return this.fixture.count("SELECT count(DISTINCT position) FROM projected");
	}

	/** Writes one row per event into the same database, in the subscription's transaction. */
	class RecordingProjection implements Projection {

		private final String instance;

		private final Consumer<RecordedEvent> before;

		RecordingProjection(String instance, Consumer<RecordedEvent> before) {
			this.instance = instance;
			this.before = before;
		}

		@Override
		public String name() {
			return "rows";
		}

		@Override
		public void handle(RecordedEvent event) {
			this.before.accept(event);
			CatchUpSubscriptionIntegrationTests.this.fixture.jdbc.update(
					"INSERT INTO projected (position, instance) VALUES (?, ?)", event.stored().position(),
					this.instance);
		}

	}

	/** Stands for the process dying: not an exception the subscription retries. */
	static class SimulatedCrash extends Error {

		SimulatedCrash() {
			super("simulated crash of instance A");
		}

	}

}
