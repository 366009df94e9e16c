package io.dddpersistence.specification;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** Uses the default whitelist: its own basic attributes, nothing through associations. */
@Entity
@Table(name = "purchase_order")
class PurchaseOrder {

	@Id
	@GeneratedValue
	Long id;

	String status;

	BigDecimal total;

	OffsetDateTime placedAt;

	@NotSearchable
	String internalNote;

	String apiToken;

	@ManyToOne
	Customer customer;

	@OneToMany(mappedBy = "order")
	List<OrderLine> lines = new ArrayList<>();

	protected PurchaseOrder() {
	}

	PurchaseOrder(Customer customer, String status, String total, String placedAt) {
		this.customer = customer;
		this.status = status;
		this.total = new BigDecimal(total);
		this.placedAt = OffsetDateTime.parse(placedAt);
		this.internalNote = "note";
		this.apiToken = "token";
	}

}
