package io.dddpersistence.docs.repositories;

import java.util.function.Consumer;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;

import io.dddpersistence.repository.QueryOptions;

/** Walks every matching product by keyset windows of 100. */
class ProductCatalogue {

	private final ProductRepository products;

	private final Consumer<Product> processor;

	ProductCatalogue(ProductRepository products, Consumer<Product> processor) {
		this.products = products;
		this.processor = processor;
	}

	void processAll(Specification<Product> spec) {
		// snippet-start
		ScrollPosition position = ScrollPosition.keyset();
		Window<Product> window;
		do {
			window = products.search(spec, QueryOptions.unpaged().withSort(Sort.by("name")).withScroll(position, 100)).window();
			window.forEach(this::process);
			if (!window.isEmpty()) position = window.positionAt(window.size() - 1);
		} while (window.hasNext());
		// snippet-end
	}

	private void process(Product product) {
		this.processor.accept(product);
	}

}
