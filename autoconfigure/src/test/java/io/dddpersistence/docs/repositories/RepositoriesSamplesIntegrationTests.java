package io.dddpersistence.docs.repositories;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.jpa.domain.Specification;

import io.dddpersistence.specification.SearchLanguage;
import io.dddpersistence.repository.Listing;
import io.dddpersistence.specification.SearchRequest;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The repositories page's samples work as written: derived query, search forms, keyset walk and mapping. */
@SpringBootTest(classes = RepositoriesApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create", "ddd.persistence.outbox.poller-enabled=false" })
@FreshDatabase
class RepositoriesSamplesIntegrationTests {

	private static final Specification<Product> KITCHEN = (root, query, cb) -> cb.equal(root.get("category"), "kitchen");

	@Autowired
	ProductRepository products;

	@Autowired
	OrderRepository orders;

	@Autowired
	SearchLanguage search;

	@Test
	void productsAreFoundByDerivedQuerySearchedExportedAndWalkedByKeyset() {
		this.products
			.addAll(IntStream.range(0, 110).mapToObj((i) -> new Product("pan %03d".formatted(i), "kitchen")).toList());
		this.products.addAll(List.of(new Product("spade", "garden"), new Product("rake", "garden")));
		assertThat(this.products.findByCategoryOrderByNameAsc("garden")).extracting(Product::getName)
			.containsExactly("rake", "spade");

		ProductExport export = new ProductExport(this.products);
		export.searchAndExport(KITCHEN);
		assertThat(export.exported()).hasSize(110).allMatch((product) -> product.getCategory().equals("kitchen"));

		List<Product> walked = new ArrayList<>();
		new ProductCatalogue(this.products, walked::add).processAll(KITCHEN);
		assertThat(walked).extracting(Product::getName)
			.containsExactlyElementsOf(IntStream.range(0, 110).mapToObj("pan %03d"::formatted).toList());
	}

	@Test
	void orderIsMappedToItsEntityAndBackAndFoundByAWebSearch() {
		Order added = this.orders.add(new Order(null, null, "ann", new EmailAddress("ann@example.com"),
				OrderStatus.PAID, new Address("1 Rue de Rivoli", "Paris"), List.of(new OrderLine("lamp", 2))));
		assertThat(added.id()).isNotNull();
		assertThat(this.orders.get(added.id())).contains(added);

		SearchRequest<OrderEntity> request = this.search.request(OrderEntity.class,
				new SearchRequest.Parameters("customer:eq:ann,status:eq:PAID", "-customer", null, null, null), null);
		Page<Order> page = new OrderQueries(this.orders).search(request);
		assertThat(page.getContent()).containsExactly(added);
	}

	@Test
	void aWebSearchIsAListingWithKeysetCursorsAcrossPages() {
		for (String customer : List.of("cy", "cleo", "cat")) {
			this.orders.add(new Order(null, null, customer, new EmailAddress(customer + "@example.com"),
					OrderStatus.PENDING, new Address("2 Quai Voltaire", "Paris"), List.of(new OrderLine("lamp", 1))));
		}
		OrderListing listing = new OrderListing(this.orders);
		Listing<String> first = listing.customers(this.search.request(OrderEntity.class,
				new SearchRequest.Parameters("customer:starts_with:c", "customer", null, "2", null), null));
		assertThat(first.items()).containsExactly("cat", "cleo");
		assertThat(first.after()).isNotNull();
		Listing<String> second = listing.customers(this.search.request(OrderEntity.class,
				new SearchRequest.Parameters("customer:starts_with:c", "customer", null, "2", first.after()), null));
		assertThat(second.items()).containsExactly("cy");
		assertThat(second.after()).isNull();
		Listing<String> offset = listing.customers(this.search.request(OrderEntity.class,
				new SearchRequest.Parameters("customer:starts_with:c", "customer", "1", "2", null), null));
		assertThat(offset.items()).containsExactly("cy");
		assertThat(offset.after()).isNull();
	}

}
