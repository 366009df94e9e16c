package io.dddpersistence.docs.repositories;

import java.util.List;
import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

// snippet-start
public interface ProductRepository extends DomainRepository<Product, UUID> {
	List<Product> findByCategoryOrderByNameAsc(String category);   // derived queries still work
}
// snippet-end
