package io.dddpersistence.sample.carts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.dddpersistence.eventstore.Projection;
import io.dddpersistence.eventstore.RecordedEvent;
import io.dddpersistence.sample.carts.CartEvents.CartOpened;
import io.dddpersistence.sample.carts.CartEvents.CheckedOut;
import io.dddpersistence.sample.carts.CartEvents.ItemAdded;
import io.dddpersistence.sample.carts.CartEvents.ItemRemoved;

/**
 * The read model of carts: one row per cart in {@code cart_summary} with its item count, total and
 * status, kept up to date from the event store by a catch-up subscription. Each batch of events
 * and the subscription's checkpoint commit together, so every event counts exactly once.
 */
@WhenEventStoreEnabled
@Component
class CartSummaries implements Projection {

	private final JdbcTemplate jdbc;

	CartSummaries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "cart-summaries";
	}

	@Override
	public void handle(RecordedEvent event) {
		String cart = event.aggregateId();
		Timestamp at = Timestamp.from(event.stored().occurredAt());
		if (event.payload() instanceof CartOpened opened) {
			this.jdbc.update("insert into cart_summary (cart_id, customer, items, total, status, version, updated_at)"
					+ " values (?, ?, 0, 0, 'OPEN', ?, ?)", cart, opened.customer(), event.version(), at);
		}
		else if (event.payload() instanceof ItemAdded added) {
			this.jdbc.update("update cart_summary set items = items + ?, total = total + ?, version = ?, updated_at = ?"
					+ " where cart_id = ?", added.quantity(),
					added.unitPrice().multiply(BigDecimal.valueOf(added.quantity())), event.version(), at, cart);
		}
		else if (event.payload() instanceof ItemRemoved removed) {
			this.jdbc.update("update cart_summary set items = items - ?, total = total - ?, version = ?, updated_at = ?"
					+ " where cart_id = ?", removed.quantity(),
					removed.unitPrice().multiply(BigDecimal.valueOf(removed.quantity())), event.version(), at, cart);
		}
		else if (event.payload() instanceof CheckedOut checkedOut) {
			this.jdbc.update("update cart_summary set status = 'CHECKED_OUT', total = ?, version = ?, updated_at = ?"
					+ " where cart_id = ?", checkedOut.total(), event.version(), at, cart);
		}
	}

	@Override
	public void reset() {
		this.jdbc.update("delete from cart_summary");
	}

	List<Summary> ofCustomer(String customer) {
		return this.jdbc.query("select cart_id, customer, items, total, status, version from cart_summary"
				+ " where customer = ? order by updated_at desc, cart_id", (row, n) -> new Summary(row.getString(1),
						row.getString(2), row.getInt(3), row.getBigDecimal(4), row.getString(5), row.getLong(6)),
				customer);
	}

	record Summary(String cartId, String customer, int items, BigDecimal total, String status, long version) {
	}

}
