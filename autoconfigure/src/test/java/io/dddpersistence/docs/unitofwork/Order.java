package io.dddpersistence.docs.unitofwork;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.UuidGenerator;

/** An order, stored with its payment in one unit of work. */
@Entity
@Table(name = "orders")
public class Order {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Version
	private Long version;

	private String sku;

	private int quantity;

	private BigDecimal total;

	protected Order() {
	}

	public Order(String sku, int quantity, BigDecimal total) {
		this.sku = sku;
		this.quantity = quantity;
		this.total = total;
	}

	public UUID id() {
		return this.id;
	}

	public String sku() {
		return this.sku;
	}

	public int quantity() {
		return this.quantity;
	}

	public BigDecimal total() {
		return this.total;
	}

}
