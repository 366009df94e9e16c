package io.dddpersistence.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox's observations and their tags, on PostgreSQL, without any tracing library involved. */
class OutboxObservationsIntegrationTests {

	private static OutboxTestTable outbox;

	private static TransactionTemplate transactions;

	private TestObservationRegistry registry;

	private OutboxObservations observations;

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void createTable() {
		outbox = OutboxTestTable.create();
		transactions = new TransactionTemplate(new DataSourceTransactionManager(outbox.dataSource));
	}

	@BeforeEach
	void clear() {
		outbox.clear();
		this.registry = TestObservationRegistry.create();
		this.stopped.clear();
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				OutboxObservationsIntegrationTests.this.stopped.add(context);
			}
		});
		this.observations = new OutboxObservations(this.registry, TraceHeaders.NONE, null, null, null);
	}

	@Test
	void aWriteIsObservedWithItsDestinationAndMessageCount() {
		OutboxWriter writer = new OutboxWriter(outbox.dataSource, JsonMapper.shared(), this.observations);
		transactions.executeWithoutResult((status) -> writer.writeAll(List.of(OutboundMessage.of("orders", Map.of("n", 1)),
				OutboundMessage.of("orders", Map.of("n", 2)))));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("ddd.outbox.write", 1)
			.hasObservationWithNameEqualTo("ddd.outbox.write")
			.that()
			.hasLowCardinalityKeyValue("destination", "orders")
			.hasHighCardinalityKeyValue("messages", "2");
	}

	@Test
	void eachPublicationIsObservedWithDestinationPublisherAndOutcome() {
		outbox.insert(3);
		List<OutboxMessage> seen = new ArrayList<>();
		OutboxPublisher failsTheSecond = (batch) -> {
			seen.addAll(batch);
			return List.of(new OutboxPublisher.PublishFailure(batch.get(1), "refused"));
		};
		OutboxPoller poller = new OutboxPoller(outbox.dataSource, JsonMapper.shared(), failsTheSecond,
				OutboxTestTable.fastSettings("observed"), OutboxObserver.NONE, this.observations);
		assertThat(poller.pollOnce()).isEqualTo(3);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("ddd.outbox.claim", 1)
			.hasNumberOfObservationsWithNameEqualTo("ddd.outbox.publish", 3)
			.hasObservationWithNameEqualTo("ddd.outbox.claim")
			.that()
			.hasLowCardinalityKeyValue("ordered", "false")
			.hasHighCardinalityKeyValue("poller", "observed")
			.hasHighCardinalityKeyValue("messages", "3");
		List<String> outcomes = new ArrayList<>();
		TestObservationRegistryAssert.assertThat(this.registry)
			.forAllObservationsWithNameEqualTo("ddd.outbox.publish", (observation) -> observation
				.hasLowCardinalityKeyValue("publisher", OutboxObservations.nameOf(failsTheSecond))
				.hasLowCardinalityKeyValueWithKey("destination")
				.hasHighCardinalityKeyValueWithKey("message.id"));
		this.stopped.stream()
			.filter(OutboxPublishContext.class::isInstance)
			.forEach((context) -> outcomes.add(((OutboxPublishContext) context).getOutcome()));
		assertThat(outcomes).containsExactlyInAnyOrder("published", "failed", "published");
		assertThat(seen).hasSize(3);
	}

	@Test
	void aPublisherThatThrowsMakesEveryPublicationUnavailableWithTheError() {
		outbox.insert(2);
		OutboxPoller poller = new OutboxPoller(outbox.dataSource, JsonMapper.shared(), (batch) -> {
			throw new IllegalStateException("broker down");
		}, OutboxTestTable.fastSettings("observed"), OutboxObserver.NONE, this.observations);
		try {
			poller.pollOnce();
		}
		catch (RuntimeException expected) {
			// the whole batch failed: the poller backs off
		}
		TestObservationRegistryAssert.assertThat(this.registry)
			.forAllObservationsWithNameEqualTo("ddd.outbox.publish", (observation) -> observation
				.hasLowCardinalityKeyValue("outcome", "unavailable")
				.assertThatError()
				.hasMessage("broker down"));
	}

	@Test
	void anEmptyClaimIsObservedAndPublishesNothing() {
		OutboxPoller poller = new OutboxPoller(outbox.dataSource, JsonMapper.shared(), (batch) -> List.of(),
				OutboxTestTable.fastSettings("observed"), OutboxObserver.NONE, this.observations);
		assertThat(poller.pollOnce()).isZero();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("ddd.outbox.claim", 1)
			.hasNumberOfObservationsWithNameEqualTo("ddd.outbox.publish", 0);
	}

	@Test
	void aConventionBeanRenamesAndRetagsThePublication() {
		outbox.insert(1);
		OutboxPublishObservationConvention renamed = new OutboxPublishObservationConvention() {
			@Override
			public String getName() {
				return "shop.outbox.publish";
			}
		};
		OutboxObservations custom = new OutboxObservations(this.registry, TraceHeaders.NONE, null, null, renamed);
		new OutboxPoller(outbox.dataSource, JsonMapper.shared(), new InProcessOutboxPublisher((event) -> {
		}), OutboxTestTable.fastSettings("observed"), OutboxObserver.NONE, custom).pollOnce();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo("ddd.outbox.publish", 0)
			.hasObservationWithNameEqualTo("shop.outbox.publish")
			.that()
			.hasLowCardinalityKeyValue("publisher", "in-process")
			.hasLowCardinalityKeyValue("outcome", "published");
	}

}
