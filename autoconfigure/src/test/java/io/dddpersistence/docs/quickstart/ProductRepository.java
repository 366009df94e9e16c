package io.dddpersistence.docs.quickstart;

// snippet-start
import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

public interface ProductRepository extends DomainRepository<Product, UUID> {}
// snippet-end
