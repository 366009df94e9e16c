package io.dddpersistence.repository.sample;

import java.util.List;
import java.util.UUID;

import io.dddpersistence.repository.DomainRepository;

import org.springframework.data.jpa.repository.Query;

public interface ProductRepository extends DomainRepository<Product, UUID> {

	List<Product> findByCategoryOrderByNameAsc(String category);

	@Query("select count(p) from Product p where p.price > ?1")
	long countPricierThan(java.math.BigDecimal price);

}
