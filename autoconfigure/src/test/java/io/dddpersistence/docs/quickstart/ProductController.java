package io.dddpersistence.docs.quickstart;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dddpersistence.repository.QueryOptions;
import io.dddpersistence.specification.SearchRequest;
import io.dddpersistence.specification.web.SearchFields;

@RestController
class ProductController {

	private final ProductRepository products;

	ProductController(ProductRepository products) {
		this.products = products;
	}

	// snippet-start
    @GetMapping("/products")   // ?filter=name:ilike:lamp*,price:lt:50&sort=-price&size=20
    List<Product> search(@SearchFields(filter = {"name", "price"}, sort = {"name", "price"})
            SearchRequest<Product> request) {
        return products.search(request.specification(), QueryOptions.of(request.pageable())).list();
    }

    @PostMapping("/products/{id}/price")
    Product reprice(@PathVariable UUID id, @RequestParam BigDecimal price) {
        Product product = products.get(id).orElseThrow();
        product.reprice(price);
        return products.add(product);        // OCC-checked; the event is written in the same transaction
    }
    // snippet-end

}
