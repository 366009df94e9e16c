package io.dddpersistence.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.eventstore.TestEvents.Order;
import io.dddpersistence.vendor.DatabaseVendor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@TestInstance(Lifecycle.PER_CLASS)
class EventSourcedRepositoryIntegrationTests {

	EventStoreFixture fixture;

	EventSourcedRepository<Order> orders;

	EventSourcedRepositories repositories;

	/** The database the suite runs on; the H2 suite overrides it. */
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	@BeforeAll
	void createRepository() {
		this.fixture = new EventStoreFixture(vendor(), 4);
		EventSerializer serializer = new EventSerializer(JsonMapper.shared(), EventSerializer.UnknownTypes.FAIL);
		this.repositories = new EventSourcedRepositories(this.fixture.store, serializer, this.fixture.jdbc,
				this.fixture.transactionManager, 10);
		this.orders = this.repositories.create("order", Order::new);
	}

	@AfterAll
	void close() {
		this.fixture.close();
	}

	@Test
	void anAggregateIsRebuiltFromItsEvents() {
		Order order = this.orders.create("o-rebuild");
		order.place("ann");
		order.addLine("apple", 2);
		order.addLine("pear", 1);
		this.orders.save(order);
		assertThat(order.version()).isEqualTo(3);
		assertThat(order.uncommittedEvents()).isEmpty();

		Order loaded = this.orders.load("o-rebuild").orElseThrow();
		assertThat(loaded.state()).isEqualTo(order.state());
		assertThat(loaded.version()).isEqualTo(3);
		assertThat(this.orders.load("missing")).isEmpty();
	}

	@Test
	void aSaveJoinsTheCallersTransactionAndRollsBackWithIt() {
		Order order = this.orders.create("o-rollback");
		order.place("cy");
		this.orders.save(order);
		Order loaded = this.orders.load("o-rollback").orElseThrow();
		assertThatIllegalStateException().isThrownBy(() -> this.fixture.transactions.executeWithoutResult((status) -> {
			loaded.addLine("apple", 1);
			this.orders.save(loaded);
			throw new IllegalStateException("the rest of the business transaction fails");
		}));
		assertThat(this.orders.load("o-rollback").orElseThrow().version()).isEqualTo(1);
	}

	@Test
	void savingAStaleCopyConflicts() {
		Order order = this.orders.create("o-stale");
		order.place("bob");
		this.orders.save(order);
		Order first = this.orders.load("o-stale").orElseThrow();
		Order second = this.orders.load("o-stale").orElseThrow();
		first.addLine("apple", 1);
		this.orders.save(first);
		second.addLine("pear", 1);
		assertThatExceptionOfType(OptimisticConcurrencyException.class).isThrownBy(() -> this.orders.save(second))
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
			Order order = this.orders.create(id);
			order.place("customer-" + random.nextInt(50));
			this.orders.save(order);
			int saves = random.nextInt(6);
			for (int s = 0; s < saves; s++) {
				int lines = 1 + random.nextInt(7);
				for (int l = 0; l < lines; l++) {
					order.addLine("sku-" + random.nextInt(100), 1 + random.nextInt(5));
				}
				this.orders.save(order);
			}
		}
		long withSnapshot = this.fixture
			.count("SELECT count(*) FROM ddd_event_snapshot WHERE aggregate_id LIKE 'random-%'");
		assertThat(withSnapshot).as("aggregates with a snapshot").isBetween(100L, 999L);
		for (String id : ids) {
			Order fromSnapshot = this.orders.load(id).orElseThrow();
			Order replayed = this.orders.loadByFullReplay(id).orElseThrow();
			assertThat(fromSnapshot.state()).as(id).isEqualTo(replayed.state());
			assertThat(fromSnapshot.version()).as(id).isEqualTo(replayed.version());
		}
	}

	@Test
	void aSnapshotIsTakenEveryNEventsAndLoadReadsOnlyTheTail() {
		Order order = this.orders.create("o-snap");
		order.place("cat");
		for (int i = 0; i < 14; i++) {
			order.addLine("sku-" + i, 1);
		}
		this.orders.save(order);
		assertThat(snapshotVersion("o-snap")).isEqualTo(15);
		order.addLine("late", 1);
		this.orders.save(order);
		assertThat(snapshotVersion("o-snap")).as("not due before version 20").isEqualTo(15);
		// a marker written into the snapshot shows that load restores from it instead of replaying
		setSnapshotCustomer("o-snap", "from-snapshot");
		Order loaded = this.orders.load("o-snap").orElseThrow();
		assertThat(loaded.customer).isEqualTo("from-snapshot");
		assertThat(loaded.lines).hasSize(15).endsWith("late");
		assertThat(loaded.version()).isEqualTo(16);
	}

	@Test
	void aSnapshotOfAnotherSchemaVersionIsIgnoredAndReplaced() {
		Order order = this.orders.create("o-schema");
		order.place("dan");
		for (int i = 0; i < 9; i++) {
			order.addLine("sku-" + i, 1);
		}
		this.orders.save(order);
		setSnapshotCustomer("o-schema", "stale");
		EventSourcedRepository<Order> upgraded = this.repositories.create("order", (id) -> {
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
		assertThat(this.fixture.count("SELECT schema_version FROM ddd_event_snapshot WHERE aggregate_id = 'o-schema'"))
			.isEqualTo(2);
	}

	/** Writes a marker into the stored snapshot, to tell a restored aggregate from a replayed one. */
	private void setSnapshotCustomer(String id, String customer) {
		String state = this.fixture.jdbc.queryForObject(
				"SELECT CAST(state AS VARCHAR) FROM ddd_event_snapshot WHERE aggregate_id = ?", String.class, id);
		ObjectNode changed = (ObjectNode) JsonMapper.shared().readTree(state);
		changed.put("customer", customer);
		this.fixture.jdbc.update("UPDATE ddd_event_snapshot SET state = " + this.fixture.jsonParameter()
				+ " WHERE aggregate_id = ?", changed.toString(), id);
	}

	private long snapshotVersion(String id) {
		return this.fixture.count("SELECT version FROM ddd_event_snapshot WHERE aggregate_id = ?", id);
	}

}
