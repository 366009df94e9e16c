package io.dddpersistence.docs.repositories;

import java.util.List;
import java.util.UUID;

// snippet-start
public record Order(UUID id, Long version, String customer, EmailAddress email, OrderStatus status,
		Address shippingAddress, List<OrderLine> lines) { }
// snippet-end
