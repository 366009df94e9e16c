package io.dddpersistence.benchmarks.eventstore;

import java.util.HashMap;
import java.util.Map;

import io.dddpersistence.eventstore.EventSourcedAggregate;
import io.dddpersistence.eventstore.Snapshottable;

/** An order whose state is its lines per SKU, for the aggregate load figures. */
public class BenchOrder extends EventSourcedAggregate implements Snapshottable<BenchOrder.State> {

	public record State(Map<String, Integer> quantities, double total) {
	}

	private Map<String, Integer> quantities = new HashMap<>();

	private double total;

	public BenchOrder(String id) {
		super(id);
		on(LineAdded.class, (event) -> {
			this.quantities.merge(event.sku(), event.quantity(), Integer::sum);
			this.total += event.quantity() * event.price();
		});
	}

	public void addLine(String sku, int quantity, double price) {
		raise(new LineAdded(sku, quantity, price));
	}

	public int skus() {
		return this.quantities.size();
	}

	@Override
	public Class<State> snapshotType() {
		return State.class;
	}

	@Override
	public State takeSnapshot() {
		return new State(Map.copyOf(this.quantities), this.total);
	}

	@Override
	public void restoreSnapshot(State snapshot) {
		this.quantities = new HashMap<>(snapshot.quantities());
		this.total = snapshot.total();
	}

}
