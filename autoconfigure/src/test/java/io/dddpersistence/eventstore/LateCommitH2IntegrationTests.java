package io.dddpersistence.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.dddpersistence.vendor.DatabaseVendor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On H2 the late commit cannot happen: appends are serialized, so a second writer waits for the
 * first one's transaction to end before it takes a position, and positions commit in order. The
 * tests replay the PostgreSQL scenario and show the second writer waiting and the reader skipping
 * nothing.
 */
class LateCommitH2IntegrationTests extends LateCommitIntegrationTests {

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.H2;
	}

	@Override
	@Test
	void anEventCommittedLateIsNeverSkippedAndNothingPastItIsReadBeforeItCommits() throws Exception {
		CountDownLatch commitFirst = new CountDownLatch(1);
		CompletableFuture<Void> first = appendAndHoldOpen("late", commitFirst);
		CompletableFuture<Void> second = CompletableFuture
			.runAsync(() -> this.fixture.store.append(0, NewEvent.of("order", "early", "order-placed", "{}")));

		awaitBlockedAppend();
		assertThat(second).as("the second writer waits for the first one's transaction").isNotDone();
		assertThat(this.fixture.count("SELECT count(*) FROM ddd_stored_event WHERE aggregate_id = 'early'"))
			.as("and has not inserted").isZero();
		assertThat(this.fixture.store.readAfter(GlobalPosition.START, 100)).isEmpty();

		commitFirst.countDown();
		first.get(10, TimeUnit.SECONDS);
		second.get(10, TimeUnit.SECONDS);
		List<StoredEvent> afterBothCommitted = this.fixture.store.readAfter(GlobalPosition.START, 100);
		assertThat(afterBothCommitted).extracting(StoredEvent::aggregateId).containsExactly("late", "early");
		assertThat(afterBothCommitted.get(0).position()).isLessThan(afterBothCommitted.get(1).position());
		assertThat(this.fixture.store.readAfter(afterBothCommitted.get(1).globalPosition(), 100)).isEmpty();
	}

	@Override
	@Test
	void aReaderCheckpointedBeforeTheLateCommitStillGetsTheLateEvent() throws Exception {
		this.fixture.store.append(0, NewEvent.of("order", "before", "order-placed", "{}"));
		GlobalPosition checkpoint = this.fixture.store.readAfter(GlobalPosition.START, 1).get(0).globalPosition();

		CountDownLatch commitFirst = new CountDownLatch(1);
		CompletableFuture<Void> first = appendAndHoldOpen("late", commitFirst);
		CompletableFuture<Void> second = CompletableFuture
			.runAsync(() -> this.fixture.store.append(0, NewEvent.of("order", "early", "order-placed", "{}")));
		awaitBlockedAppend();
		List<StoredEvent> whileOpen = this.fixture.store.readAfter(checkpoint, 100);
		assertThat(whileOpen).isEmpty();

		commitFirst.countDown();
		first.get(10, TimeUnit.SECONDS);
		second.get(10, TimeUnit.SECONDS);
		assertThat(this.fixture.store.readAfter(checkpoint, 100)).extracting(StoredEvent::aggregateId)
			.containsExactly("late", "early");
	}

	/** Appends to a new aggregate in a transaction that stays open until {@code commit} is counted down. */
	private CompletableFuture<Void> appendAndHoldOpen(String aggregateId, CountDownLatch commit) throws Exception {
		CountDownLatch inserted = new CountDownLatch(1);
		CompletableFuture<Void> append = CompletableFuture.runAsync(() -> this.fixture.transactions
			.executeWithoutResult((status) -> {
				this.fixture.store.append(0, NewEvent.of("order", aggregateId, "order-placed", "{}"));
				inserted.countDown();
				await(commit);
			}));
		assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
		return append;
	}

	/** Waits until H2 reports a session blocked by another one's lock: the second append waiting. */
	private void awaitBlockedAppend() {
		Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> this.fixture.count("SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS "
					+ "WHERE BLOCKER_ID IS NOT NULL") == 1);
	}

}
