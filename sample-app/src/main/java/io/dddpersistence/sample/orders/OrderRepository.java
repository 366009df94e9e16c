package io.dddpersistence.sample.orders;

import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface OrderRepository extends DomainRepository<Order, UUID> {

}
