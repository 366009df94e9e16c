package io.dddpersistence.eventstore;

import java.util.ArrayList;
import java.util.List;

/** Events and an aggregate of a small shop, for the tests. */
final class TestEvents {

	private TestEvents() {
	}

	@EventType("order-placed")
	record OrderPlaced(String customer) {
	}

	@EventType(value = "line-added", revision = 2)
	record LineAdded(String sku, int quantity) {
	}

	@EventType("order-shipped")
	record OrderShipped() {
	}

	record OrderState(String customer, List<String> lines, int quantity, boolean shipped) {
	}

	static class Order extends EventSourcedAggregate implements Snapshottable<OrderState> {

		String customer = "";

		List<String> lines = new ArrayList<>();

		int quantity;

		boolean shipped;

		int schemaVersion = 1;

		Order(String id) {
			super(id);
			on(OrderPlaced.class, (event) -> this.customer = event.customer());
			on(LineAdded.class, (event) -> {
				this.lines.add(event.sku());
				this.quantity += event.quantity();
			});
			on(OrderShipped.class, (event) -> this.shipped = true);
		}

		void place(String customer) {
			raise(new OrderPlaced(customer));
		}

		void addLine(String sku, int quantity) {
			if (this.shipped) {
				throw new IllegalStateException("order " + id() + " has shipped");
			}
			raise(new LineAdded(sku, quantity));
		}

		void ship() {
			raise(new OrderShipped());
		}

		OrderState state() {
			return new OrderState(this.customer, List.copyOf(this.lines), this.quantity, this.shipped);
		}

		@Override
		public Class<OrderState> snapshotType() {
			return OrderState.class;
		}

		@Override
		public int snapshotSchemaVersion() {
			return this.schemaVersion;
		}

		@Override
		public OrderState takeSnapshot() {
			return state();
		}

		@Override
		public void restoreSnapshot(OrderState snapshot) {
			this.customer = snapshot.customer();
			this.lines = new ArrayList<>(snapshot.lines());
			this.quantity = snapshot.quantity();
			this.shipped = snapshot.shipped();
		}

	}

}
