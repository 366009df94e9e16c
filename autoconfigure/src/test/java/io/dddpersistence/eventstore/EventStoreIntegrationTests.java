package io.dddpersistence.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.error.UniqueConstraintViolationException;
import io.dddpersistence.vendor.DatabaseVendor;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@TestInstance(Lifecycle.PER_CLASS)
class EventStoreIntegrationTests {

	EventStoreFixture fixture;

	EventStore store;

	/** The database the suite runs on; the H2 suite overrides it. */
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}

	@BeforeAll
	void createStore() {
		this.fixture = new EventStoreFixture(vendor(), 4);
		this.store = this.fixture.store;
	}

	@AfterAll
	void closeStore() {
		this.fixture.close();
	}

	static String newId() {
		return UUID.randomUUID().toString();
	}

	static List<NewEvent> events(String aggregateId, int count) {
		List<NewEvent> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			events.add(NewEvent.of("order", aggregateId, "line-added", "{\"n\": " + i + "}"));
		}
		return events;
	}

	@Test
	void appendBatchAssignsContiguousVersionsFromTheExpectedOne() {
		String id = newId();
		assertThat(this.store.appendBatch(0, events(id, 3))).isEqualTo(3);
		assertThat(this.store.appendBatch(3, events(id, 2))).isEqualTo(5);
		assertThat(this.store.readStream("order", id)).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(this.store.readStream("order", id, 3)).extracting(StoredEvent::version).containsExactly(4L, 5L);
		assertThat(this.store.currentVersion("order", id)).isEqualTo(5);
	}

	@Test
	void storedEventsKeepPayloadMetadataAndTypes() {
		String id = newId();
		NewEvent event = new NewEvent(UUID.randomUUID(), "order", id, "order-placed", 2, "{\"total\": 12.5}",
				"{\"user\": \"ann\"}", java.time.Instant.parse("2026-01-02T03:04:05Z"));
		this.store.append(0, event);
		StoredEvent stored = this.store.readStream("order", id).get(0);
		assertThat(stored.eventId()).isEqualTo(event.eventId());
		assertThat(stored.eventType()).isEqualTo("order-placed");
		assertThat(stored.revision()).isEqualTo(2);
		// JSON types keep the content, not the text: PostgreSQL and H2 lay out spaces their own way
		assertThat(JsonMapper.shared().readTree(stored.payload()))
			.isEqualTo(JsonMapper.shared().readTree("{\"total\": 12.5}"));
		assertThat(JsonMapper.shared().readTree(stored.metadata()))
			.isEqualTo(JsonMapper.shared().readTree("{\"user\": \"ann\"}"));
		assertThat(stored.occurredAt()).isEqualTo(event.occurredAt());
		assertThat(stored.position()).isPositive();
		assertThat(stored.globalPosition()).isGreaterThan(GlobalPosition.START);
	}

	@Test
	void staleExpectedVersionIsRefusedNamingBothVersionsAndWritesNothing() {
		String id = newId();
		this.store.appendBatch(0, events(id, 2));
		assertThatExceptionOfType(OptimisticConcurrencyException.class)
			.isThrownBy(() -> this.store.appendBatch(1, events(id, 3)))
			.satisfies((ex) -> {
				assertThat(ex.getEntityType()).isEqualTo("order");
				assertThat(ex.getId()).isEqualTo(id);
				assertThat(ex.getExpectedVersion()).isEqualTo(1);
				assertThat(ex.getActualVersion()).isEqualTo(2);
			});
		assertThat(this.store.readStream("order", id)).hasSize(2);
	}

	@Test
	void expectedVersionAheadOfTheAggregateIsRefusedAndLeavesNoGap() {
		String id = newId();
		this.store.appendBatch(0, events(id, 2));
		assertThatExceptionOfType(OptimisticConcurrencyException.class)
			.isThrownBy(() -> this.store.appendBatch(5, events(id, 2)))
			.satisfies((ex) -> assertThat(ex.getActualVersion()).isEqualTo(2));
		assertThatExceptionOfType(OptimisticConcurrencyException.class)
			.isThrownBy(() -> this.store.appendBatch(1, events(newId(), 1)))
			.satisfies((ex) -> assertThat(ex.getActualVersion()).isZero());
		assertThat(this.store.readStream("order", id)).hasSize(2);
	}

	@Test
	void largeBatchesAreCheckedAsAWholeAndStayContiguous() {
		// more events than one checked statement carries: the rest follow in the same transaction
		String id = newId();
		this.store.appendBatch(0, events(id, 1));
		assertThatExceptionOfType(OptimisticConcurrencyException.class)
			.isThrownBy(() -> this.store.appendBatch(2, events(id, 150)))
			.satisfies((ex) -> assertThat(ex.getActualVersion()).isEqualTo(1));
		assertThat(this.store.readStream("order", id)).hasSize(1);
		assertThat(this.store.appendBatch(1, events(id, 150))).isEqualTo(151);
		assertThatExceptionOfType(OptimisticConcurrencyException.class)
			.isThrownBy(() -> this.store.appendBatch(100, events(id, 70)))
			.satisfies((ex) -> assertThat(ex.getActualVersion()).isEqualTo(151));
		assertThat(this.store.readStream("order", id)).extracting(StoredEvent::version)
			.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 151).boxed().toList());
	}

	@Test
	void anAppendInACallersTransactionRollsBackWithIt() {
		String id = newId();
		this.store.appendBatch(0, events(id, 1));
		assertThatIllegalStateException().isThrownBy(() -> this.fixture.transactions.executeWithoutResult((status) -> {
			this.store.appendBatch(1, events(id, 2));
			assertThat(this.store.currentVersion("order", id)).isEqualTo(3);
			throw new IllegalStateException("the business change fails after the append");
		}));
		assertThat(this.store.currentVersion("order", id)).isEqualTo(1);
	}

	@Test
	void appendsCommitWhenThePoolHandsOutConnectionsWithoutAutoCommit() {
		// a single auto-committed statement is only taken where the connection commits on its own
		EventStoreFixture own = new EventStoreFixture(vendor(), 2, false);
		try {
			String id = newId();
			assertThat(own.store.appendBatch(0, events(id, 2))).isEqualTo(2);
			assertThat(own.store.appendBatch(2, events(id, 3))).isEqualTo(5);
			assertThatExceptionOfType(OptimisticConcurrencyException.class)
				.isThrownBy(() -> own.store.appendBatch(7, events(id, 1)))
				.satisfies((ex) -> assertThat(ex.getActualVersion()).isEqualTo(5));
			try (EventStoreFixture reader = own.sameDatabase()) {
				assertThat(reader.store.currentVersion("order", id)).isEqualTo(5);
			}
		}
		finally {
			own.close();
		}
	}

	@Test
	void aRefusedAppendNamesTheVersionWithOneConnectionLeftInThePool() throws Exception {
		// the actual version is read after the connection of the refused append is given back
		EventStoreFixture own = new EventStoreFixture(vendor(), 2);
		try (java.sql.Connection taken = own.dataSource.getConnection()) {
			String id = newId();
			own.store.appendBatch(0, events(id, 2));
			assertThatExceptionOfType(OptimisticConcurrencyException.class)
				.isThrownBy(() -> own.store.appendBatch(4, events(id, 1)))
				.satisfies((ex) -> assertThat(ex.getActualVersion()).isEqualTo(2));
			assertThatExceptionOfType(OptimisticConcurrencyException.class)
				.isThrownBy(() -> own.store.appendBatch(1, events(id, 1)))
				.satisfies((ex) -> assertThat(ex.getActualVersion()).isEqualTo(2));
		}
		finally {
			own.close();
		}
	}

	@Test
	void newAggregateExpectedAtZeroConflictsWhenItAlreadyExists() {
		String id = newId();
		this.store.append(0, NewEvent.of("order", id, "order-placed", "{}"));
		assertThatExceptionOfType(OptimisticConcurrencyException.class)
			.isThrownBy(() -> this.store.append(0, NewEvent.of("order", id, "order-placed", "{}")));
	}

	@Test
	void sameIdUnderAnotherAggregateTypeIsAnotherStream() {
		String id = newId();
		this.store.append(0, NewEvent.of("order", id, "order-placed", "{}"));
		this.store.append(0, NewEvent.of("customer", id, "customer-registered", "{}"));
		assertThat(this.store.currentVersion("customer", id)).isEqualTo(1);
	}

	@Test
	void badBatchesAreRefusedAndWriteNothing() {
		String id = newId();
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.appendBatch(-1, events(id, 1)))
			.withMessageContaining("never negative");
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.appendBatch(0, List.of()))
			.withMessageContaining("empty");
		List<NewEvent> mixed = new ArrayList<>(events(id, 2));
		mixed.add(NewEvent.of("order", "other", "line-added", "{}"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.appendBatch(0, mixed))
			.withMessageContaining("belongs to order other");
		assertThat(this.store.currentVersion("order", id)).isZero();
		assertThat(this.store.currentVersion("order", "other")).isZero();
	}

	@Test
	void reappendingTheSameEventIdIsADuplicate() {
		String id = newId();
		NewEvent event = NewEvent.of("order", id, "order-placed", "{}");
		this.store.append(0, event);
		NewEvent again = new NewEvent(event.eventId(), "order", newId(), "order-placed", 1, "{}", "{}",
				event.occurredAt());
		assertThatExceptionOfType(UniqueConstraintViolationException.class).isThrownBy(() -> this.store.append(0, again));
	}

	@Test
	void globalReadsPageThroughEverythingInOrderAndTheStreamMatches() {
		GlobalPosition start = lastPosition();
		String id = newId();
		for (int i = 0; i < 5; i++) {
			this.store.appendBatch(i * 3, events(id, 3));
		}
		// events become readable once every older transaction on the server has ended
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.store.readAfter(start, 100).size() == 15);
		List<StoredEvent> paged = new ArrayList<>();
		GlobalPosition at = start;
		List<StoredEvent> page;
		while (!(page = this.store.readAfter(at, 4)).isEmpty()) {
			paged.addAll(page);
			at = page.get(page.size() - 1).globalPosition();
		}
		assertThat(paged).extracting(StoredEvent::version)
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
		try (Stream<StoredEvent> stream = this.store.streamAfter(start, 2)) {
			assertThat(stream).containsExactlyElementsOf(paged);
		}
	}

	@Test
	void transactionIdsAreOrderedAsNumbersAcrossADigitBoundary() {
		EventStoreFixture own = new EventStoreFixture(2);
		try {
			for (long txId : new long[] { 1000, 999, 10, 9 }) {
				own.jdbc.update("INSERT INTO ddd_stored_event (event_id, aggregate_type, aggregate_id, version, "
						+ "event_type, payload, occurred_at, tx_id) VALUES (?, 'order', ?, 1, 'e', '{}', now(), ?::xid8)",
						UUID.randomUUID(), "tx-" + txId, Long.toString(txId));
			}
			List<String> read = new ArrayList<>();
			GlobalPosition at = GlobalPosition.START;
			List<StoredEvent> page;
			while (!(page = own.store.readAfter(at, 1)).isEmpty()) {
				read.add(page.get(0).aggregateId());
				at = page.get(0).globalPosition();
			}
			assertThat(read).containsExactly("tx-9", "tx-10", "tx-999", "tx-1000");
		}
		finally {
			own.close();
		}
	}

	private GlobalPosition lastPosition() {
		long stored = this.fixture.count("SELECT count(*) FROM ddd_stored_event");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(GlobalPosition.START) == stored);
		GlobalPosition at = GlobalPosition.START;
		List<StoredEvent> page;
		while (!(page = this.store.readAfter(at, 1000)).isEmpty()) {
			at = page.get(page.size() - 1).globalPosition();
		}
		return at;
	}

	private long count(GlobalPosition from) {
		try (Stream<StoredEvent> events = this.store.streamAfter(from, 1000)) {
			return events.count();
		}
	}

}
