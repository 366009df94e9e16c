package io.dddpersistence.docs.quickstart;

// snippet-start
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.dddpersistence.repository.QueryOptions;
import io.dddpersistence.specification.SearchRequest;
import io.dddpersistence.specification.web.SearchFields;

@RestController
class ProductController {

    private final ProductRepository products;

    ProductController(ProductRepository products) {
        this.products = products;
    }

    record NewProduct(String sku, String name, BigDecimal price) {}

    @PostMapping("/products")          // stored under the tenant of the X-Tenant-Id header
    ResponseEntity<Product> create(@RequestBody NewProduct body) {
        Product product = products.add(new Product(body.sku(), body.name(), body.price()));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(product.getVersion().toString()).body(product);
    }

    @GetMapping("/products/{id}")      // the ETag is the version: the client sends it back as If-Match
    ResponseEntity<Product> get(@PathVariable UUID id) {
        Product product = products.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().eTag(product.getVersion().toString()).body(product);
    }

    @GetMapping("/products")   // ?filter=name:ilike:lamp*,price:lt:50&sort=-price&size=20
    List<Product> search(@SearchFields(filter = {"name", "price"}, sort = {"name", "price"})
            SearchRequest<Product> request) {
        return products.search(request.specification(), QueryOptions.of(request.pageable())).list();
    }

    @PostMapping("/products/{id}/price")
    ResponseEntity<Product> reprice(@PathVariable UUID id, @RequestHeader("If-Match") String ifMatch,
            @RequestParam BigDecimal price) {
        Product product = products.get(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        product.reprice(versionIn(ifMatch), price);
        Product stored = products.add(product);   // 409 if stale; the event is written in the same transaction
        return ResponseEntity.ok().eTag(stored.getVersion().toString()).body(stored);
    }

    private static long versionIn(String ifMatch) {   // "3" -> 3
        try {
            return Long.parseLong(ifMatch.replace("\"", "").trim());
        }
        catch (NumberFormatException ex) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "If-Match must be an ETag this service sent");
        }
    }

}
// snippet-end
