package io.dddpersistence.sample.carts;

import java.math.BigDecimal;

import io.dddpersistence.eventstore.EventType;

/** What can happen to a cart. The stored type names are stable, whatever the classes are called. */
final class CartEvents {

	private CartEvents() {
	}

	@EventType("cart-opened")
	record CartOpened(String customer) {
	}

	@EventType("cart-item-added")
	record ItemAdded(String sku, int quantity, BigDecimal unitPrice) {
	}

	@EventType("cart-item-removed")
	record ItemRemoved(String sku, int quantity, BigDecimal unitPrice) {
	}

	@EventType("cart-checked-out")
	record CheckedOut(BigDecimal total) {
	}

}
