package io.dddpersistence.repository.sample;

import java.util.List;
import java.util.UUID;

/** The domain type: immutable, free of JPA. */
public record Order(UUID id, Long version, String customer, EmailAddress email, OrderStatus status,
		Address shippingAddress, List<OrderLine> lines) {

	public static Order place(String customer, EmailAddress email, Address address, List<OrderLine> lines) {
		return new Order(null, null, customer, email, OrderStatus.PENDING, address, lines);
	}

	public Order pay() {
		return new Order(this.id, this.version, this.customer, this.email, OrderStatus.PAID, this.shippingAddress,
				this.lines);
	}

}
