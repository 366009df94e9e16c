package io.dddpersistence.docs.outbox;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.UuidGenerator;

import org.springframework.data.domain.AbstractAggregateRoot;

@Entity
@Table(name = "orders")
// snippet-start
public class Order extends AbstractAggregateRoot<Order> {
	// snippet-end

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	private BigDecimal total;

	protected Order() {
	}

	public Order(BigDecimal total) {
		this.total = total;
	}

	public UUID getId() {
		return this.id;
	}

	public BigDecimal getTotal() {
		return this.total;
	}

	// snippet-start
	Order place() { registerEvent(new OrderPlaced(id, total)); return this; }
}
// snippet-end
