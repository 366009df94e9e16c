package io.dddpersistence.repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.repository.sample.Product;
import io.dddpersistence.repository.sample.ProductRepository;
import io.dddpersistence.repository.sample.RepositoryTestApplication;
import io.dddpersistence.specification.PageSizeExceededException;
import io.dddpersistence.test.FreshDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SpringBootTest(classes = RepositoryTestApplication.class, properties = RepositoryTestProperties.ALL)
@FreshDatabase
class DomainRepositoryIntegrationTests {

	@Autowired
	ProductRepository products;

	@Autowired
	UnitOfWork unitOfWork;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyTables() {
		this.jdbc.update("delete from product");
	}

	@Test
	void addInsertsANewAggregateAndAssignsItsIdAndVersionZero() {
		Product added = this.products.add(new Product("kettle", "kitchen", new BigDecimal("25.00")));
		assertThat(added.getId()).isNotNull();
		assertThat(added.getId().version()).isEqualTo(7);
		assertThat(added.getVersion()).isZero();
		assertThat(this.jdbc.queryForObject("select name from product where id = ?", String.class, added.getId()))
			.isEqualTo("kettle");
	}

	@Test
	void addUpdatesADetachedAggregateAndIncrementsItsVersion() {
		Product added = this.products.add(new Product("kettle", "kitchen", BigDecimal.ONE));
		Product read = this.products.get(added.getId()).orElseThrow();
		read.rename("steel kettle");
		Product updated = this.products.add(read);
		assertThat(updated.getVersion()).isEqualTo(1);
		assertThat(this.products.get(added.getId()).orElseThrow().getName()).isEqualTo("steel kettle");
	}

	@Test
	void addOfAStaleAggregateFailsAtAddWithBothVersionsAndChangesNothing() {
		UUID id = this.products.add(new Product("kettle", "kitchen", BigDecimal.ONE)).getId();
		Product mine = this.products.get(id).orElseThrow();
		Product theirs = this.products.get(id).orElseThrow();
		theirs.rename("their kettle");
		this.products.add(theirs);
		mine.rename("my kettle");
		try (UnitOfWork.Scope scope = this.unitOfWork.begin()) {
			assertThatExceptionOfType(OptimisticConcurrencyException.class).isThrownBy(() -> this.products.add(mine))
				.satisfies((ex) -> {
					assertThat(ex.getEntityType()).isEqualTo("Product");
					assertThat(ex.getId()).isEqualTo(id);
					assertThat(ex.getExpectedVersion()).isZero();
					assertThat(ex.getActualVersion()).isEqualTo(1);
				});
		}
		assertThat(this.jdbc.queryForObject("select name from product where id = ?", String.class, id))
			.isEqualTo("their kettle");
	}

	@Test
	void addOfAnAggregateDeletedMeanwhileFailsAsStale() {
		Product added = this.products.add(new Product("kettle", "kitchen", BigDecimal.ONE));
		this.jdbc.update("delete from product where id = ?", added.getId());
		assertThatExceptionOfType(OptimisticConcurrencyException.class).isThrownBy(() -> this.products.add(added))
			.satisfies((ex) -> assertThat(ex.getActualVersion()).isNull());
	}

	@Test
	void getOfAnUnknownIdIsEmpty() {
		assertThat(this.products.get(UUID.randomUUID())).isEmpty();
	}

	@Test
	void removeDeletesAnAggregateWhoseTypeIsNotArchivable() {
		UUID id = this.products.add(new Product("kettle", "kitchen", BigDecimal.ONE)).getId();
		this.products.remove(id);
		this.products.remove(UUID.randomUUID());
		assertThat(this.jdbc.queryForObject("select count(*) from product", Long.class)).isZero();
	}

	@Test
	void archivingATypeThatIsNotArchivableIsRefused() {
		UUID id = this.products.add(new Product("kettle", "kitchen", BigDecimal.ONE)).getId();
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> this.products.archive(id))
			.withMessageContaining("Product is not archivable");
	}

	@Test
	void listAllByIdsReadsWithOneStatementInTheOrderOfTheIds() {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(this.products.add(new Product("p" + i, "kitchen", BigDecimal.ONE)).getId());
		}
		List<UUID> asked = List.of(ids.get(3), UUID.randomUUID(), ids.get(0), ids.get(4));
		Statistics statistics = statistics();
		List<Product> found = this.products.listAll(asked);
		assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
		assertThat(found).extracting(Product::getName).containsExactly("p3", "p0", "p4");
		assertThat(this.products.listAll()).hasSize(5);
	}

	@Test
	void derivedQueriesAnnotatedQueriesAndSpecificationsStillWork() {
		this.products.add(new Product("b", "kitchen", new BigDecimal("5")));
		this.products.add(new Product("a", "kitchen", new BigDecimal("50")));
		this.products.add(new Product("c", "garden", new BigDecimal("500")));
		assertThat(this.products.findByCategoryOrderByNameAsc("kitchen")).extracting(Product::getName)
			.containsExactly("a", "b");
		assertThat(this.products.countPricierThan(BigDecimal.TEN)).isEqualTo(2);
		assertThat(this.products.findAll(inCategory("garden"))).extracting(Product::getName).containsExactly("c");
		assertThat(this.products.count()).isEqualTo(3);
	}

	@Test
	void searchListsPagesAndCountsWithOneSpecification() {
		for (int i = 0; i < 25; i++) {
			this.products.add(new Product(String.format("p%02d", i), (i % 5 == 0) ? "garden" : "kitchen", BigDecimal.ONE));
		}
		QueryOptions secondPage = QueryOptions.unpaged().withSort(Sort.by(Sort.Order.desc("name"))).withPage(1, 6);
		SearchResult<Product> result = this.products.search(inCategory("kitchen"), secondPage);
		assertThat(result.list()).extracting(Product::getName).containsExactly("p17", "p16", "p14", "p13", "p12", "p11");
		Page<Product> page = result.page();
		assertThat(page.getTotalElements()).isEqualTo(20);
		assertThat(page.getTotalPages()).isEqualTo(4);
		assertThat(page.getContent()).hasSize(6);
		assertThat(result.count()).isEqualTo(20);
		assertThat(this.products.search(Specification.unrestricted(), QueryOptions.unpaged()).count()).isEqualTo(25);
	}

	@Test
	void keysetWindowsWalkTheWholeResultInOrder() {
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			String name = String.format("p%02d", i);
			this.products.add(new Product(name, "kitchen", BigDecimal.ONE));
			expected.add(name);
		}
		List<String> seen = new ArrayList<>();
		ScrollPosition position = ScrollPosition.keyset();
		Window<Product> window;
		do {
			window = this.products.search(inCategory("kitchen"),
					QueryOptions.unpaged().withSort(Sort.by("name")).withScroll(position, 5)).window();
			window.forEach((product) -> seen.add(product.getName()));
			if (!window.isEmpty()) {
				position = window.positionAt(window.size() - 1);
			}
		}
		while (window.hasNext());
		assertThat(seen).containsExactlyElementsOf(expected);
	}

	@Test
	void aPageLargerThanTheMaximumIsRefusedBeforeAnyQuery() {
		Statistics statistics = statistics();
		assertThatExceptionOfType(PageSizeExceededException.class)
			.isThrownBy(() -> this.products.search(Specification.unrestricted(), QueryOptions.unpaged().withPage(0, 101)))
			.withMessageContaining("at most 100 ")
			.satisfies((ex) -> assertThat(ex.getRequested()).isEqualTo(101));
		assertThat(statistics.getPrepareStatementCount()).isZero();
	}

	@Test
	void aListingNeedsASearchStartedFromARequest() {
		SearchResult<Product> plain = this.products.search(Specification.unrestricted(), QueryOptions.unpaged());
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> plain.listing(Product::getName))
			.withMessageContaining("SearchRequest");
	}

	@Test
	void negativePagesAndSizesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> QueryOptions.unpaged().withPage(-1, 10))
			.withMessageContaining("page number must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> QueryOptions.unpaged().withPage(0, -10));
	}

	private Statistics statistics() {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		return statistics;
	}

	static Specification<Product> inCategory(String category) {
		return (root, query, builder) -> builder.equal(root.get("category"), category);
	}

}
