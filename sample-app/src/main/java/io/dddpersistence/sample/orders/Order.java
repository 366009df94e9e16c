package io.dddpersistence.sample.orders;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.id.uuid.UuidVersion7Strategy;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.AbstractAggregateRoot;

import io.dddpersistence.entity.AuditTimes;

/**
 * An order. Placing and cancelling register domain events (Spring Data's
 * {@link AbstractAggregateRoot}); saving the order hands them to the outbox in the same transaction.
 */
@Entity
@Table(name = "orders")
public class Order extends AbstractAggregateRoot<Order> {

	// Made here rather than at insert, so that the events registered before the save carry it.
	@Id
	private UUID id;

	private String customer;

	private String product;

	private int quantity;

	private BigDecimal total;

	@Column(length = 16)
	private String status;

	@Version
	private @Nullable Long version;

	@Embedded
	private AuditTimes times = new AuditTimes();

	protected Order() {
		this.id = new UUID(0, 0);
		this.customer = "";
		this.product = "";
		this.total = BigDecimal.ZERO;
		this.status = "";
	}

	private Order(String customer, String product, int quantity, BigDecimal unitPrice) {
		this.id = UuidVersion7Strategy.INSTANCE.generateUuid(null);
		this.customer = customer;
		this.product = product;
		this.quantity = quantity;
		this.total = unitPrice.multiply(BigDecimal.valueOf(quantity));
		this.status = "PLACED";
	}

	public static Order place(String customer, String product, int quantity, BigDecimal unitPrice) {
		if (quantity < 1) {
			throw new IllegalArgumentException("An order needs a quantity of at least 1, not " + quantity);
		}
		Order order = new Order(customer, product, quantity, unitPrice);
		order.registerEvent(new OrderPlaced(order.id, customer, product, quantity, order.total));
		return order;
	}

	public void cancel(String reason) {
		if (!"CANCELLED".equals(this.status)) {
			this.status = "CANCELLED";
			registerEvent(new OrderCancelled(this.id, reason));
		}
	}

	public UUID getId() {
		return this.id;
	}

	public String getCustomer() {
		return this.customer;
	}

	public String getProduct() {
		return this.product;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public BigDecimal getTotal() {
		return this.total;
	}

	public String getStatus() {
		return this.status;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

}
