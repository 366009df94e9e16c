package io.dddpersistence.repository.sample;

import java.util.List;
import java.util.UUID;

import io.dddpersistence.repository.MappedDomainRepository;

public interface OrderRepository extends MappedDomainRepository<Order, OrderEntity, UUID> {

	List<OrderEntity> findByCustomer(String customer);

}
