package io.dddpersistence.sample.carts;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dddpersistence.error.QuotedInput;
import io.dddpersistence.eventstore.EventSourcedAggregate;
import io.dddpersistence.eventstore.Snapshottable;
import io.dddpersistence.sample.carts.CartEvents.CartOpened;
import io.dddpersistence.sample.carts.CartEvents.CheckedOut;
import io.dddpersistence.sample.carts.CartEvents.ItemAdded;
import io.dddpersistence.sample.carts.CartEvents.ItemRemoved;

/**
 * A shopping cart whose state is rebuilt from its events (and a snapshot every
 * {@code ddd.persistence.event-store.snapshot-every} events). Commands check the rules and raise
 * events; the handlers registered in the constructor only change the state.
 */
class Cart extends EventSourcedAggregate implements Snapshottable<Cart.State> {

	private String customer = "";

	private final Map<String, Line> lines = new LinkedHashMap<>();

	private boolean checkedOut;

	Cart(String id) {
		super(id);
		on(CartOpened.class, (event) -> this.customer = event.customer());
		on(ItemAdded.class, (event) -> this.lines.merge(event.sku(),
				new Line(event.sku(), event.quantity(), event.unitPrice()),
				(line, more) -> new Line(line.sku(), line.quantity() + more.quantity(), more.unitPrice())));
		on(ItemRemoved.class, (event) -> this.lines.remove(event.sku()));
		on(CheckedOut.class, (event) -> this.checkedOut = true);
	}

	static Cart open(String id, String customer) {
		requireText("customer", customer);
		Cart cart = new Cart(id);
		cart.raise(new CartOpened(customer));
		return cart;
	}

	void add(String sku, int quantity, BigDecimal unitPrice) {
		requireOpen();
		if (quantity < 1) {
			throw new IllegalArgumentException("A cart line needs a quantity of at least 1, not " + quantity);
		}
		requireText("sku", sku);
		raise(new ItemAdded(sku, quantity, unitPrice));
	}

	/**
	 * A name as the read model and the event store can hold it: PostgreSQL refuses a NUL character in
	 * text and in jsonb, so one would fail inside the database (a 500) instead of as the client's
	 * mistake. The message names the field, not the value.
	 */
	static String requireText(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("The " + field + " must not be blank");
		}
		if (value.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("The " + field + " must not contain NUL characters");
		}
		return value;
	}

	void remove(String sku) {
		requireOpen();
		Line line = this.lines.get(sku);
		if (line == null) {
			throw new IllegalArgumentException("The cart holds no " + QuotedInput.of(sku));
		}
		raise(new ItemRemoved(sku, line.quantity(), line.unitPrice()));
	}

	void checkOut() {
		requireOpen();
		if (this.lines.isEmpty()) {
			throw new CartClosedException("An empty cart cannot be checked out");
		}
		raise(new CheckedOut(total()));
	}

	private void requireOpen() {
		if (this.checkedOut) {
			throw new CartClosedException("Cart " + id() + " is checked out and cannot change any more");
		}
	}

	String customer() {
		return this.customer;
	}

	List<Line> lines() {
		return List.copyOf(this.lines.values());
	}

	boolean checkedOut() {
		return this.checkedOut;
	}

	BigDecimal total() {
		return this.lines.values()
			.stream()
			.map((line) -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Override
	public Class<State> snapshotType() {
		return State.class;
	}

	@Override
	public State takeSnapshot() {
		return new State(this.customer, lines(), this.checkedOut);
	}

	@Override
	public void restoreSnapshot(State snapshot) {
		this.customer = snapshot.customer();
		this.lines.clear();
		snapshot.lines().forEach((line) -> this.lines.put(line.sku(), line));
		this.checkedOut = snapshot.checkedOut();
	}

	/** A command the cart's state forbids. */
	static class CartClosedException extends IllegalStateException {

		CartClosedException(String message) {
			super(message);
		}

	}

	record Line(String sku, int quantity, BigDecimal unitPrice) {
	}

	/** The cart's state as a snapshot stores it. */
	record State(String customer, List<Line> lines, boolean checkedOut) {
	}

}
