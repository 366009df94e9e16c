package io.dddpersistence.sample.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dddpersistence.repository.Listing;
import io.dddpersistence.sample.web.IfMatch;
import io.dddpersistence.sample.web.NotFoundException;
import io.dddpersistence.specification.SearchRequest;
import io.dddpersistence.specification.web.SearchFields;

/**
 * Products of the tenant named by the {@code X-Tenant-Id} header. Responses carry the version as
 * an {@code ETag}; an update names the version it is based on ({@code If-Match}, or a
 * {@code version} field) and answers 409 when the product changed since.
 */
@RestController
@RequestMapping("/products")
class ProductController {

	private final ProductRepository products;

	ProductController(ProductRepository products) {
		this.products = products;
	}

	@PostMapping
	ResponseEntity<ProductView> create(@RequestBody ProductChange change) {
		Product product = this.products.add(new Product(change.name(), change.category(), change.price()));
		return ResponseEntity.created(URI.create("/products/" + product.getId()))
			.eTag(String.valueOf(product.getVersion()))
			.body(ProductView.of(product));
	}

	@GetMapping("/{id}")
	ResponseEntity<ProductView> get(@PathVariable UUID id) {
		Product product = this.products.get(id).orElseThrow(() -> new NotFoundException("Product", id));
		return ResponseEntity.ok().eTag(String.valueOf(product.getVersion())).body(ProductView.of(product));
	}

	@PutMapping("/{id}")
	ResponseEntity<ProductView> update(@PathVariable UUID id, @RequestBody ProductChange change,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		long basedOn = basedOnVersion(ifMatch, change.version());
		Product product = this.products.get(id).orElseThrow(() -> new NotFoundException("Product", id));
		product.revise(basedOn, change.name(), change.category(), change.price());
		Product stored = this.products.add(product);
		return ResponseEntity.ok().eTag(String.valueOf(stored.getVersion())).body(ProductView.of(stored));
	}

	@GetMapping
	Listing<ProductView> list(@SearchFields(filter = { "name", "category", "price" },
			sort = { "name", "price" }) SearchRequest<Product> search) {
		return this.products.search(search).listing(ProductView::of);
	}

	private static long basedOnVersion(@Nullable String ifMatch, @Nullable Long bodyVersion) {
		if (ifMatch != null) {
			return IfMatch.version(ifMatch);
		}
		if (bodyVersion != null) {
			return bodyVersion;
		}
		// Without the version the client read, an update could silently overwrite someone else's.
		throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, versionRequired(), null);
	}

	private static ProblemDetail versionRequired() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
				"Send the version the change is based on: the If-Match header or a version field.");
		problem.setType(URI.create("urn:ddd-persistence-sample:problem:version-required"));
		problem.setTitle("Version required");
		problem.setProperty("code", "version-required");
		return problem;
	}

	/** What a client sends to create or change a product. */
	record ProductChange(String name, String category, BigDecimal price, @Nullable Long version) {
	}

	record ProductView(@Nullable UUID id, String name, String category, BigDecimal price, @Nullable Long version,
			@Nullable Instant createdAt, @Nullable String createdBy, @Nullable Instant updatedAt,
			@Nullable String updatedBy) {

		static ProductView of(Product product) {
			return new ProductView(product.getId(), product.getName(), product.getCategory(), product.getPrice(),
					product.getVersion(), product.getAudit().getCreatedAt(), product.getAudit().getCreatedBy(),
					product.getAudit().getUpdatedAt(), product.getAudit().getUpdatedBy());
		}

	}

}
