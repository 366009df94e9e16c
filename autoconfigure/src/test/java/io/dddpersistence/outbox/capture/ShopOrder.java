package io.dddpersistence.outbox.capture;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.domain.AbstractAggregateRoot;

@Entity
@Table(name = "shop_order")
public class ShopOrder extends AbstractAggregateRoot<ShopOrder> {

	@Id
	private UUID id;

	private int total;

	protected ShopOrder() {
	}

	ShopOrder(UUID id, int total) {
		this.id = id;
		this.total = total;
	}

	ShopOrder place() {
		registerEvent(new OrderPlaced(this.id, this.total));
		registerEvent(new OrderNoted(this.id));
		return this;
	}

	void registerPlacedWithoutId() {
		registerEvent(new OrderPlaced(null, this.total));
	}

	public UUID getId() {
		return this.id;
	}

}
