package io.dddpersistence.specification;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
class OrderLine {

	@Id
	@GeneratedValue
	Long id;

	String product;

	int quantity;

	@ManyToOne
	PurchaseOrder order;

	protected OrderLine() {
	}

	OrderLine(PurchaseOrder order, String product, int quantity) {
		this.order = order;
		this.product = product;
		this.quantity = quantity;
	}

}
