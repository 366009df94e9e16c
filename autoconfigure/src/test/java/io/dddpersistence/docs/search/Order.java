package io.dddpersistence.docs.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.UuidGenerator;

import io.dddpersistence.specification.Searchable;

/**
 * An order with the fields the page's filters and sorts name: its own, a customer's name through a
 * to-one association and tags, an element collection (both whitelisted, since the default whitelist
 * holds the entity's own basic attributes only).
 */
@Entity
@Table(name = "orders")
@Searchable(filter = { "name", "status", "total", "quantity", "created_at", "customer.name", "tags" })
public class Order {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	private String name;

	private String status;

	private BigDecimal total;

	private int quantity;

	private Instant createdAt;

	@ManyToOne
	private Customer customer;

	@ElementCollection
	private Set<String> tags = new HashSet<>();

	protected Order() {
	}

	public Order(String name, String status, BigDecimal total, Instant createdAt) {
		this.name = name;
		this.status = status;
		this.total = total;
		this.createdAt = createdAt;
	}

	public Order(String name, String status, BigDecimal total, int quantity, Instant createdAt, Customer customer,
			Set<String> tags) {
		this(name, status, total, createdAt);
		this.quantity = quantity;
		this.customer = customer;
		this.tags = new HashSet<>(tags);
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

	public int getQuantity() {
		return this.quantity;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
