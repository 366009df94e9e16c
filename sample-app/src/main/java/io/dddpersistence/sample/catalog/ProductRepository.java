package io.dddpersistence.sample.catalog;

import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface ProductRepository extends DomainRepository<Product, UUID> {

}
