package io.dddpersistence.eventstore;

import java.util.List;

import io.dddpersistence.vendor.DatabaseVendor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The event store's behaviour on H2, where appends are serialized instead of ordered by transaction id. */
class EventStoreH2IntegrationTests extends EventStoreIntegrationTests {

	@Override
	DatabaseVendor vendor() {
		return DatabaseVendor.H2;
	}

	@Test
	void withoutTheAppendLockRowAppendsFailInsteadOfRunningUnserialized() {
		EventStoreFixture own = new EventStoreFixture(DatabaseVendor.H2, 2);
		try {
			own.jdbc.update("DELETE FROM ddd_event_append_lock");
			assertThatIllegalStateException()
				.isThrownBy(() -> own.store.append(0, NewEvent.of("order", newId(), "order-placed", "{}")))
				.withMessageContaining("INSERT INTO ddd_event_append_lock (id) VALUES (1)");
			assertThat(own.count("SELECT count(*) FROM ddd_stored_event")).isZero();
		}
		finally {
			own.close();
		}
	}

	/** H2 has no transaction ids: every event's place is (0, position), and positions are the order. */
	@Override
	@Test
	void transactionIdsAreOrderedAsNumbersAcrossADigitBoundary() {
		String id = newId();
		for (int i = 0; i < 12; i++) {
			this.store.append(i, NewEvent.of("order", id, "line-added", "{}"));
		}
		List<StoredEvent> read = this.store.readStream("order", id);
		assertThat(read).extracting(StoredEvent::transactionId).containsOnly(0L);
		assertThat(read).extracting(StoredEvent::globalPosition).isSorted();
		GlobalPosition ninth = read.get(8).globalPosition();
		assertThat(this.store.readAfter(ninth, 100)).extracting(StoredEvent::version).containsExactly(10L, 11L, 12L);
		assertThat(this.store.readAfter(new GlobalPosition(1, 0), 100))
			.as("nothing on H2 comes after a place with a transaction part").isEmpty();
	}

}
