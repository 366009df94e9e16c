package io.dddpersistence.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.eventstore.TestEvents.Order;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventSourcedRepositoryIntegrationTests {

	static EventStoreFixture fixture;

	static EventSourcedRepository<Order> orders;

	static EventSourcedRepositories repositories;

	@BeforeAll
	static void createRepository() {
		fixture = new EventStoreFixture(4);
		EventSerializer serializer = new EventSerializer(JsonMapper.shared(), EventSerializer.UnknownTypes.FAIL);
		repositories = new EventSourcedRepositories(fixture.store, serializer, fixture.jdbc, fixture.transactionManager,
				10);
		orders = repositories.create("order", Order::new);
	}

	@AfterAll
	static void close() {
		fixture.close();
	}

	@Test
	void anAggregateIsRebuiltFromItsEvents() {
		Order order = orders.create("o-rebuild");
		order.place("ann");
		order.addLine("apple", 2);
		order.addLine("pear", 1);
		orders.save(order);
		assertThat(order.version()).isEqualTo(3);
		assertThat(order.uncommittedEvents()).isEmpty();

		Order loaded = orders.load("o-rebuild").orElseThrow();
		assertThat(loaded.state()).isEqualTo(order.state());
		assertThat(loaded.version()).isEqualTo(3);
		assertThat(orders.load("missing")).isEmpty();
	}

	@Test
	void savingAStaleCopyConflicts() {
		Order order = orders.create("o-stale");
		order.place("bob");
		orders.save(order);
		Order first = orders.load("o-stale").orElseThrow();
		Order second = orders.load("o-stale").orElseThrow();
		first.addLine("apple", 1);
		orders.save(first);
		second.addLine("pear", 1);
		assertThatExceptionOfType(OptimisticConcurrencyException.class).isThrownBy(() -> orders.save(second))
			.satisfies((ex) -> {
				assertThat(ex.getExpectedVersion()).isEqualTo(1);
				assertThat(ex.getActualVersion()).isEqualTo(2);
			});
	}

	@Test
	void snapshotPlusTailEqualsFullReplayForAThousandRandomAggregates() {
		Random random = new Random(42);
		List<String> ids = new ArrayList<>();
		for (int a = 0; a < 1000; a++) {
			String id = "random-" + a;
			ids.add(id);
			Order order = orders.create(id);
			order.place("customer-" + random.nextInt(50));
			orders.save(order);
			int saves = random.nextInt(6);
			for (int s = 0; s < saves; s++) {
				int lines = 1 + random.nextInt(7);
				for (int l = 0; l < lines; l++) {
					order.addLine("sku-" + random.nextInt(100), 1 + random.nextInt(5));
				}
				orders.save(order);
			}
		}
		long withSnapshot = fixture.count("SELECT count(*) FROM ddd_event_snapshot WHERE aggregate_id LIKE 'random-%'");
		assertThat(withSnapshot).as("aggregates with a snapshot").isBetween(100L, 999L);
		for (String id : ids) {
			Order fromSnapshot = orders.load(id).orElseThrow();
			Order replayed = orders.loadByFullReplay(id).orElseThrow();
			assertThat(fromSnapshot.state()).as(id).isEqualTo(replayed.state());
			assertThat(fromSnapshot.version()).as(id).isEqualTo(replayed.version());
		}
	}

	@Test
	void aSnapshotIsTakenEveryNEventsAndLoadReadsOnlyTheTail() {
		Order order = orders.create("o-snap");
		order.place("cat");
		for (int i = 0; i < 14; i++) {
			order.addLine("sku-" + i, 1);
		}
		orders.save(order);
		assertThat(snapshotVersion("o-snap")).isEqualTo(15);
		order.addLine("late", 1);
		orders.save(order);
		assertThat(snapshotVersion("o-snap")).as("not due before version 20").isEqualTo(15);
		// a marker written into the snapshot shows that load restores from it instead of replaying
		fixture.jdbc.update("UPDATE ddd_event_snapshot SET state = jsonb_set(state, '{customer}', '\"from-snapshot\"') "
				+ "WHERE aggregate_id = 'o-snap'");
		Order loaded = orders.load("o-snap").orElseThrow();
		assertThat(loaded.customer).isEqualTo("from-snapshot");
		assertThat(loaded.lines).hasSize(15).endsWith("late");
		assertThat(loaded.version()).isEqualTo(16);
	}

	@Test
	void aSnapshotOfAnotherSchemaVersionIsIgnoredAndReplaced() {
		Order order = orders.create("o-schema");
		order.place("dan");
		for (int i = 0; i < 9; i++) {
			order.addLine("sku-" + i, 1);
		}
		orders.save(order);
		fixture.jdbc.update("UPDATE ddd_event_snapshot SET state = jsonb_set(state, '{customer}', '\"stale\"') "
				+ "WHERE aggregate_id = 'o-schema'");
		EventSourcedRepository<Order> upgraded = repositories.create("order", (id) -> {
			Order next = new Order(id);
			next.schemaVersion = 2;
			return next;
		});
		Order loaded = upgraded.load("o-schema").orElseThrow();
		assertThat(loaded.customer).as("replayed, not restored").isEqualTo("dan");
		for (int i = 0; i < 10; i++) {
			loaded.addLine("more-" + i, 1);
		}
		upgraded.save(loaded);
		assertThat(fixture.count("SELECT schema_version FROM ddd_event_snapshot WHERE aggregate_id = 'o-schema'"))
			.isEqualTo(2);
	}

	private static long snapshotVersion(String id) {
		return fixture.count("SELECT version FROM ddd_event_snapshot WHERE aggregate_id = ?", id);
	}

}
