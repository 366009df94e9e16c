package io.dddpersistence.docs.repositories;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import io.dddpersistence.repository.QueryOptions;
import io.dddpersistence.repository.SearchResult;

/** The forms of a search result: a list, a page, a count, and a stream for an export. */
class ProductExport {

	private final ProductRepository products;

	private final List<Product> exported = new ArrayList<>();

	ProductExport(ProductRepository products) {
		this.products = products;
	}

	void searchAndExport(Specification<Product> spec) {
		// snippet-start
		SearchResult<Product> result = products.search(
				(root, query, cb) -> cb.equal(root.get("category"), "kitchen"),        // any Specification<E>
				QueryOptions.unpaged().withSort(Sort.by(Sort.Order.desc("name"))).withPage(1, 20));

		List<Product> page1 = result.list();         // the requested rows only
		Page<Product> page = result.page();          // with the total count
		long matching = result.count();               // ignores paging
		try (Stream<Product> all = products.search(spec, QueryOptions.unpaged()).stream()) {
			all.forEach(this::export);                // bounded memory, any number of rows
		}
		// snippet-end
	}

	private void export(Product product) {
		this.exported.add(product);
	}

	List<Product> exported() {
		return this.exported;
	}

}
