package io.dddpersistence.docs.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.UuidGenerator;

/** An order with the fields the page's filters and sorts name. */
@Entity
@Table(name = "orders")
public class Order {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	private String name;

	private String status;

	private BigDecimal total;

	private Instant createdAt;

	protected Order() {
	}

	public Order(String name, String status, BigDecimal total, Instant createdAt) {
		this.name = name;
		this.status = status;
		this.total = total;
		this.createdAt = createdAt;
	}

	public UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getStatus() {
		return this.status;
	}

	public BigDecimal getTotal() {
		return this.total;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
