package io.dddpersistence.eventstore;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.error.OptimisticConcurrencyException.Reason;
import io.dddpersistence.eventstore.TestEvents.Order;
import io.dddpersistence.web.PersistenceProblemDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ProblemDetail;

import static io.dddpersistence.eventstore.LateCommitIntegrationTests.await;
import static io.dddpersistence.eventstore.LateCommitIntegrationTests.readOnceSettled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Readers on PostgreSQL order events by the id of the appending transaction, which a transaction
 * gets at its first write, not at its commit. A transaction that wrote something and then appends
 * to a stream whose last event a younger transaction committed meanwhile would place its event
 * before that one; the append is refused instead, and a retry in a new transaction succeeds. H2
 * needs no such suite: its appends are serialized, so the younger append waits for the older
 * transaction to end (see {@link LateCommitH2IntegrationTests}).
 */
class StreamOrderIntegrationTests {

	EventStoreFixture fixture;

	@BeforeEach
	void createStore() {
		this.fixture = new EventStoreFixture(4);
	}

	@AfterEach
	void closeStore() {
		this.fixture.close();
	}

	@Test
	void anAppendAfterAnEventOfAYoungerTransactionIsRefusedAndARetryInANewTransactionKeepsStreamOrder()
			throws Exception {
		EventStore store = this.fixture.store;
		CountDownLatch wroteFirst = new CountDownLatch(1);
		CountDownLatch appendToX = new CountDownLatch(1);
		CompletableFuture<Void> older = CompletableFuture.runAsync(() -> this.fixture.transactions
			.executeWithoutResult((status) -> {
				// the first write gives this transaction its id, lower than the one below
				store.append(0, NewEvent.of("customer", "y", "customer-registered", "{}"));
				wroteFirst.countDown();
				await(appendToX);
				store.append(1, NewEvent.of("order", "x", "line-added", "{\"line\": 2}"));
			}));
		assertThat(wroteFirst.await(10, TimeUnit.SECONDS)).isTrue();
		store.append(0, NewEvent.of("order", "x", "order-placed", "{\"line\": 1}"));
		appendToX.countDown();

		Throwable failure = catchThrowable(() -> older.get(10, TimeUnit.SECONDS));
		assertThat(failure).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(OptimisticConcurrencyException.class);
		OptimisticConcurrencyException conflict = (OptimisticConcurrencyException) failure.getCause();
		assertThat(conflict.getReason()).isEqualTo(Reason.OVERTAKEN);
		assertThat(conflict.getEntityType()).isEqualTo("order");
		assertThat(conflict.getId()).isEqualTo("x");
		assertThat(conflict.getExpectedVersion()).isEqualTo(1L);
		assertThat(conflict.getActualVersion()).isEqualTo(1L);
		assertThat(conflict.getMessage()).contains("younger transaction")
			.contains("Retry the append in a new transaction")
			.doesNotContain("Reload");
		ProblemDetail problem = new PersistenceProblemDetails().staleWrite(conflict);
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getProperties()).containsEntry("reason", "overtaken")
			.containsEntry("expectedVersion", 1L)
			.containsEntry("actualVersion", 1L);
		assertThat(problem.getDetail()).isEqualTo(conflict.getMessage());
		assertThat(this.fixture.count("SELECT count(*) FROM ddd_stored_event"))
			.as("the refused append wrote nothing, and its transaction rolled back").isEqualTo(1);

		this.fixture.transactions.executeWithoutResult((status) -> {
			store.append(0, NewEvent.of("customer", "y", "customer-registered", "{}"));
			store.append(store.currentVersion("order", "x"), NewEvent.of("order", "x", "line-added", "{\"line\": 2}"));
		});

		List<StoredEvent> read = readOnceSettled(store, GlobalPosition.START, 3);
		assertThat(read).filteredOn((event) -> event.aggregateId().equals("x"))
			.extracting(StoredEvent::version)
			.containsExactly(1L, 2L);
		assertThat(read).extracting(StoredEvent::aggregateId).containsExactly("x", "y", "x");
	}

	@Test
	void anEventSourcedRepositorySaveIsRefusedTheSameWayAndSucceedsInANewTransaction() throws Exception {
		EventSerializer serializer = new EventSerializer(JsonMapper.shared(), EventSerializer.UnknownTypes.FAIL);
		EventSourcedRepository<Order> orders = new EventSourcedRepositories(this.fixture.store, serializer,
				this.fixture.jdbc, this.fixture.transactionManager, 0)
			.create("order", Order::new);
		Order placed = orders.create("x");
		placed.place("ann");
		orders.save(placed);
		CountDownLatch wroteFirst = new CountDownLatch(1);
		CountDownLatch saveX = new CountDownLatch(1);
		CompletableFuture<Void> older = CompletableFuture.runAsync(() -> this.fixture.transactions
			.executeWithoutResult((status) -> {
				Order other = orders.create("y");
				other.place("bo");
				orders.save(other);
				wroteFirst.countDown();
				await(saveX);
				Order x = orders.load("x").orElseThrow();
				x.addLine("pear", 1);
				orders.save(x);
			}));
		assertThat(wroteFirst.await(10, TimeUnit.SECONDS)).isTrue();
		Order meanwhile = orders.load("x").orElseThrow();
		meanwhile.addLine("apple", 2);
		orders.save(meanwhile);
		saveX.countDown();

		Throwable failure = catchThrowable(() -> older.get(10, TimeUnit.SECONDS));
		assertThat(failure).cause().isInstanceOf(OptimisticConcurrencyException.class);
		assertThat(((OptimisticConcurrencyException) failure.getCause()).getReason()).isEqualTo(Reason.OVERTAKEN);

		this.fixture.transactions.executeWithoutResult((status) -> {
			Order x = orders.load("x").orElseThrow();
			x.addLine("pear", 1);
			orders.save(x);
		});
		assertThat(readOnceSettled(this.fixture.store, GlobalPosition.START, 3)).extracting(StoredEvent::version)
			.containsExactly(1L, 2L, 3L);
	}

	@Test
	void oneTransactionAppendsToAStreamAgainAfterItsOwnEvents() {
		EventStore store = this.fixture.store;
		this.fixture.transactions.executeWithoutResult((status) -> {
			store.append(0, NewEvent.of("order", "x", "order-placed", "{}"));
			store.append(1, NewEvent.of("order", "x", "line-added", "{}"));
			store.appendBatch(2, List.of(NewEvent.of("order", "x", "line-added", "{}"),
					NewEvent.of("order", "x", "line-added", "{}")));
		});
		assertThat(readOnceSettled(store, GlobalPosition.START, 4)).extracting(StoredEvent::version)
			.containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void anAppendOutsideATransactionIsNeverRefusedForAnOlderStream() throws Exception {
		EventStore store = this.fixture.store;
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Void> open = CompletableFuture.runAsync(() -> this.fixture.transactions
			.executeWithoutResult((status) -> {
				store.append(0, NewEvent.of("order", "x", "order-placed", "{}"));
				appended.countDown();
				await(commit);
			}));
		assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
		commit.countDown();
		open.get(10, TimeUnit.SECONDS);
		// an auto-committed append takes its id after every event it can see has committed
		assertThat(store.append(1, NewEvent.of("order", "x", "line-added", "{}"))).isEqualTo(2);
		assertThat(readOnceSettled(store, GlobalPosition.START, 2)).extracting(StoredEvent::version)
			.containsExactly(1L, 2L);
	}

}
