package io.dddpersistence.docs.repositories;

import java.util.UUID;

import io.dddpersistence.repository.MappedDomainRepository;

// snippet-start
public interface OrderRepository extends MappedDomainRepository<Order, OrderEntity, UUID> { }
// snippet-end
