package io.dddpersistence.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.eventstore.TestEvents.LineAdded;
import io.dddpersistence.eventstore.TestEvents.OrderPlaced;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The event store's observations and their tags, on PostgreSQL. */
class EventStoreObservationsIntegrationTests {

	private EventStoreFixture fixture;

	private EventSerializer serializer;

	private TestObservationRegistry registry;

	private EventStore store;

	@BeforeEach
	void createStore() {
		this.fixture = new EventStoreFixture(2);
		this.serializer = new EventSerializer(JsonMapper.shared(), EventSerializer.UnknownTypes.FAIL)
			.register(List.of(OrderPlaced.class, LineAdded.class));
		this.registry = TestObservationRegistry.create();
		this.store = new EventStore(this.fixture.jdbc, this.fixture.transactionManager, List.of(),
				new EventStoreObservations(this.registry, null, null));
	}

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void anAppendIsObservedWithItsAggregateTypeAndOutcome() {
		this.store.appendBatch(0, List.of(this.serializer.serialize("order", "o-1", new OrderPlaced("ann")),
				this.serializer.serialize("order", "o-1", new LineAdded("sku", 1))));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("ddd.eventstore.append", 1)
			.hasObservationWithNameEqualTo("ddd.eventstore.append")
			.that()
			.hasContextualNameEqualTo("order append")
			.hasLowCardinalityKeyValue("aggregate.type", "order")
			.hasLowCardinalityKeyValue("outcome", "appended")
			.hasHighCardinalityKeyValue("aggregate.id", "o-1")
			.hasHighCardinalityKeyValue("events", "2")
			.doesNotHaveError();
	}

	@Test
	void anAppendAtAnotherVersionIsObservedAsAConflict() {
		this.store.append(0, this.serializer.serialize("order", "o-2", new OrderPlaced("ann")));
		assertThatExceptionOfType(OptimisticConcurrencyException.class)
			.isThrownBy(() -> this.store.append(0, this.serializer.serialize("order", "o-2", new OrderPlaced("bob"))));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("ddd.eventstore.append", 2)
			.hasAnObservationWithAKeyValue(EventStoreObservation.EventStoreKeys.OUTCOME, "conflict");
	}

	@Test
	void aProjectionBatchIsObservedWithTheProjectionsNameAndIdleRoundsAreNot() {
		for (int i = 0; i < 5; i++) {
			this.store.append(0, this.serializer.serialize("order", "o-" + i, new OrderPlaced("c" + i)));
		}
		AtomicInteger handled = new AtomicInteger();
		Projection counting = new Projection() {
			@Override
			public String name() {
				return "counting";
			}

			@Override
			public void handle(RecordedEvent event) {
				handled.incrementAndGet();
			}
		};
		CatchUpSubscription subscription = new CatchUpSubscription(counting, this.store, this.serializer,
				this.fixture.jdbc, this.fixture.transactionManager, CatchUpSubscriptionIntegrationTests.FAST, "observed",
				new EventStoreObservations(this.registry, null, null));
		subscription.start();
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> handled.get() == 5);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.registry)
				.hasNumberOfObservationsWithNameEqualTo("ddd.eventstore.projection", 1)
				.hasObservationWithNameEqualTo("ddd.eventstore.projection")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("projection", "counting")
				.hasHighCardinalityKeyValue("events", "5"));
		}
		finally {
			subscription.stop();
		}
	}

}
