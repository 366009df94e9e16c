package io.dddpersistence.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.entity.TimeOrderedUuids;
import io.dddpersistence.vendor.DatabaseVendors;
import io.dddpersistence.wakeup.WakeUpChannel;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Saves messages to the outbox in the caller's transaction, so that they commit or roll back with
 * the business change that raised them. Without a transaction on the outbox's data source it refuses
 * to write: a message committed on its own could announce a change that never happened.
 *
 * <pre class="code">
 * &#064;Transactional
 * public void place(Order order) {
 *     orders.save(order);
 *     outbox.write(OutboundMessage.of("orders", new OrderPlaced(order.getId())).aggregate("Order", order.getId().toString()));
 * }
 * </pre>
 */
public class OutboxWriter {

	private final DataSource dataSource;

	private final OutboxTable table;

	private final JsonMapper json;

	private final WakeUpChannel wakeUps;

	private final OutboxObservations observations;

	/** A writer whose commits wake no poller: the pollers find its messages at their poll interval. */
	public OutboxWriter(DataSource dataSource, JsonMapper json) {
		this(dataSource, json, WakeUpChannel.disabled(OutboxProperties.DEFAULTS.wakeUps().notifyChannel()));
	}

	/**
	 * A writer whose transactions, once they commit, wake the pollers subscribed to {@code wakeUps}
	 * (once per transaction, however many messages it wrote). The database's vendor is read on first use.
	 */
	public OutboxWriter(DataSource dataSource, JsonMapper json, WakeUpChannel wakeUps) {
		this(dataSource, json, wakeUps, new DatabaseVendors(), OutboxObservations.NOOP, LibraryTables.DEFAULT);
	}

	/** A writer whose writes are observed, and whose messages carry the current trace context. */
	OutboxWriter(DataSource dataSource, JsonMapper json, OutboxObservations observations) {
		this(dataSource, json, WakeUpChannel.disabled(OutboxProperties.DEFAULTS.wakeUps().notifyChannel()),
				new DatabaseVendors(), observations, LibraryTables.DEFAULT);
	}

	OutboxWriter(DataSource dataSource, JsonMapper json, WakeUpChannel wakeUps, DatabaseVendors vendors,
			OutboxObservations observations, LibraryTables tables) {
		this.dataSource = dataSource;
		this.table = new OutboxTable(dataSource, json, vendors, tables);
		this.json = json;
		this.wakeUps = wakeUps;
		this.observations = observations;
	}

	/** Writes one message and returns its id. */
	public UUID write(OutboundMessage message) {
		return writeAll(List.of(message)).get(0);
	}

	/** Writes the messages in one JDBC batch and returns their ids, in the same order. */
	public List<UUID> writeAll(Collection<OutboundMessage> messages) {
		requireTransaction();
		return this.observations.write(messages, () -> insert(messages));
	}

	private List<UUID> insert(Collection<OutboundMessage> messages) {
		List<OutboxTable.Row> rows = new ArrayList<>(messages.size());
		List<UUID> ids = new ArrayList<>(messages.size());
		for (OutboundMessage message : messages) {
			UUID id = TimeOrderedUuids.next();
			rows.add(new OutboxTable.Row(id, message.aggregateType(), message.aggregateId(), message.eventType(),
					message.destination(), message.effectiveKey(), toJson(this.observations.headers(message), message),
					toJson(message.payload(), message)));
			ids.add(id);
		}
		if (!rows.isEmpty()) {
			this.table.insert(rows);
			this.wakeUps.wakeAfterCommit();
		}
		return ids;
	}

	private void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.getResource(this.dataSource) == null) {
			throw new IllegalTransactionStateException("OutboxWriter writes in the caller's transaction, and there is "
					+ "no transaction on the outbox's DataSource: call it from a @Transactional method (or a "
					+ "TransactionTemplate) of the transaction that changes the aggregate.");
		}
	}

	private String toJson(Object value, OutboundMessage message) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new OutboxSerializationException(message.payload().getClass().getName(), message.eventType(), ex);
		}
	}

}
