package io.dddpersistence.docs.quickstart;

import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

// snippet-start
public interface ProductRepository extends DomainRepository<Product, UUID> {}
// snippet-end
