package io.dddpersistence.docs.eventstore;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.dddpersistence.eventstore.EventSerializer;
import io.dddpersistence.eventstore.EventSourcedRepository;
import io.dddpersistence.eventstore.EventStore;
import io.dddpersistence.eventstore.StoredEvent;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The event store page's samples work as written: append, load, save and the projection. */
@SpringBootTest(classes = EventStoreApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create", "ddd.persistence.outbox.poller-enabled=false",
				"ddd.persistence.event-store.subscriptions.poll-interval=50ms" })
@FreshDatabase
class EventStoreSamplesIntegrationTests {

	@Autowired
	EventStore store;

	@Autowired
	EventSerializer serializer;

	@Autowired
	EventSourcedRepository<Order> orders;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void orderIsAppendedLoadedSavedAndProjected() {
		// the read model the projection updates belongs to the application
		this.jdbc.execute("create table order_summary (id varchar(64) primary key, lines int not null)");
		this.jdbc.update("insert into order_summary (id, lines) values ('o-1', 0)");

		long version = new OrderEventWriter(this.store)
			.write(0, List.of(this.serializer.serialize("order", "o-1", new OrderPlaced("ann"))));
		assertThat(version).isEqualTo(1);
		Order order = this.orders.load("o-1").orElseThrow();
		assertThat(order.version()).isEqualTo(1);
		order.addLine("lamp");
		this.orders.save(order);

		assertThat(this.orders.load("o-1").orElseThrow().version()).isEqualTo(2);
		assertThat(this.store.readStream("order", "o-1")).extracting(StoredEvent::eventType, StoredEvent::revision)
			.containsExactly(tuple("order-placed", 1), tuple("line-added", 2));
		assertThat(this.serializer.deserialize(this.store.readStream("order", "o-1", 1).get(0)))
			.contains(new LineAdded("lamp", 1));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.jdbc.queryForObject("select lines from order_summary where id = 'o-1'", Integer.class))
				.isEqualTo(1));
	}

}
