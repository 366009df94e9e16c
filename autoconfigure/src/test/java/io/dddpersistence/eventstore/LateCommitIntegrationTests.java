package io.dddpersistence.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.dddpersistence.vendor.DatabaseVendor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case that makes naive position-based readers skip events: a transaction takes a lower
 * position but commits after one with a higher position.
 */
class LateCommitIntegrationTests {

	EventStoreFixture fixture;

	/** The database the suite runs on; the H2 suite overrides it. */
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	@BeforeEach
	void createStore() {
		this.fixture = new EventStoreFixture(vendor(), 4);
	}

	@AfterEach
	void closeStore() {
		this.fixture.close();
	}

	@Test
	void anEventCommittedLateIsNeverSkippedAndNothingPastItIsReadBeforeItCommits() throws Exception {
		EventStore store = this.fixture.store;
		CountDownLatch firstInserted = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> this.fixture.transactions
			.executeWithoutResult((status) -> {
				store.append(0, NewEvent.of("order", "late", "order-placed", "{}"));
				firstInserted.countDown();
				await(commitFirst);
			}));
		assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();

		store.append(0, NewEvent.of("order", "early", "order-placed", "{}"));
		assertThat(this.fixture.count("SELECT count(*) FROM ddd_stored_event WHERE aggregate_id = 'early'"))
			.as("the second transaction has committed").isEqualTo(1);

		List<StoredEvent> whileFirstIsOpen = store.readAfter(GlobalPosition.START, 100);
		assertThat(whileFirstIsOpen).as("nothing past the open transaction is handed out").isEmpty();

		commitFirst.countDown();
		first.get(10, TimeUnit.SECONDS);

		List<StoredEvent> afterBothCommitted = readOnceSettled(store, GlobalPosition.START, 2);
		assertThat(afterBothCommitted).extracting(StoredEvent::aggregateId).containsExactly("late", "early");
		assertThat(afterBothCommitted.get(0).position()).isLessThan(afterBothCommitted.get(1).position());
		assertThat(store.readAfter(afterBothCommitted.get(1).globalPosition(), 100)).isEmpty();
	}

	@Test
	void aReaderCheckpointedBeforeTheLateCommitStillGetsTheLateEvent() throws Exception {
		EventStore store = this.fixture.store;
		store.append(0, NewEvent.of("order", "before", "order-placed", "{}"));
		GlobalPosition checkpoint = readOnceSettled(store, GlobalPosition.START, 1).get(0).globalPosition();

		CountDownLatch firstInserted = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> this.fixture.transactions
			.executeWithoutResult((status) -> {
				store.append(0, NewEvent.of("order", "late", "order-placed", "{}"));
				firstInserted.countDown();
				await(commitFirst);
			}));
		assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
		store.append(0, NewEvent.of("order", "early", "order-placed", "{}"));
		assertThat(store.readAfter(checkpoint, 100)).isEmpty();

		commitFirst.countDown();
		first.get(10, TimeUnit.SECONDS);
		assertThat(readOnceSettled(store, checkpoint, 2)).extracting(StoredEvent::aggregateId)
			.containsExactly("late", "early");
	}

	@Test
	void aRolledBackTransactionLeavesAGapThatReadersPassWithoutWaiting() {
		EventStore store = this.fixture.store;
		try {
			this.fixture.transactions.executeWithoutResult((status) -> {
				store.append(0, NewEvent.of("order", "rolled-back", "order-placed", "{}"));
				throw new IllegalStateException("business rule broken");
			});
		}
		catch (IllegalStateException expected) {
			// the append rolled back with its transaction
		}
		store.append(0, NewEvent.of("order", "kept", "order-placed", "{}"));
		assertThat(readOnceSettled(store, GlobalPosition.START, 1)).extracting(StoredEvent::aggregateId)
			.containsExactly("kept");
	}

	/**
	 * Reads until the expected number of events is readable. Events are readable once every older
	 * transaction in the cluster has ended, and on a shared server other databases' transactions
	 * may still be running for a moment after our commit.
	 */
	static List<StoredEvent> readOnceSettled(EventStore store, GlobalPosition after, int expected) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> store.readAfter(after, 100), (events) -> events.size() >= expected);
	}

	static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the test never released the open transaction");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
