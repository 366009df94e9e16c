package io.dddpersistence.eventstore;

import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Creates an {@link EventSourcedRepository} per aggregate type, sharing the store, the serializer
 * and the snapshot settings.
 * <pre class="code">
 * &#64;Bean
 * EventSourcedRepository&lt;Order&gt; orders(EventSourcedRepositories repositories) {
 *     return repositories.create("order", Order::new);
 * }
 * </pre>
 */
public class EventSourcedRepositories {

	private final EventStore store;

	private final EventSerializer serializer;

	private final SnapshotStore snapshots;

	private final PlatformTransactionManager transactionManager;

	private final int snapshotEvery;

	/**
	 * @param snapshotEvery take a snapshot of a {@link Snapshottable} aggregate each time its
	 * version crosses a multiple of this number; 0 turns snapshots off
	 */
	public EventSourcedRepositories(EventStore store, EventSerializer serializer, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, int snapshotEvery) {
		if (snapshotEvery < 0) {
			throw new IllegalArgumentException("The snapshot interval is 0 (off) or more, not " + snapshotEvery);
		}
		this.store = store;
		this.serializer = serializer;
		this.snapshots = new SnapshotStore(jdbc, store.sql());
		this.transactionManager = transactionManager;
		this.snapshotEvery = snapshotEvery;
	}

	/** A repository for the aggregates stored under {@code aggregateType}, created by {@code factory}. */
	public <A extends EventSourcedAggregate> EventSourcedRepository<A> create(String aggregateType,
			Function<String, A> factory) {
		return new EventSourcedRepository<>(this.store, this.serializer, this.snapshots, this.transactionManager,
				aggregateType, factory, this.snapshotEvery);
	}

}
