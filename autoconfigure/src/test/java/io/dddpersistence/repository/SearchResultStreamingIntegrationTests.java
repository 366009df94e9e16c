package io.dddpersistence.repository;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Iterator;
import java.util.stream.Stream;

import io.dddpersistence.repository.sample.Product;
import io.dddpersistence.repository.sample.ProductRepository;
import io.dddpersistence.repository.sample.RepositoryTestApplication;
import io.dddpersistence.test.FreshDatabase;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = RepositoryTestApplication.class, properties = RepositoryTestProperties.ALL)
@FreshDatabase
class SearchResultStreamingIntegrationTests {

	private static final int ROWS = 200_000;

	@Autowired
	ProductRepository products;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	/** Inserts products numbered 1 to count in one statement; the H2 suite overrides it. */
	void fill(String category, int count) {
		this.jdbc.update("insert into product (id, version, name, category, price) select gen_random_uuid(), 0,"
				+ " 'product ' || g, ?, g from generate_series(1, ?) g", category, count);
	}

	@AfterEach
	void emptyTable() {
		this.jdbc.update("delete from product");
	}

	@Test
	void streamReads200000RowsInBatchesWithBoundedMemoryAndClosesItsTransaction() {
		this.jdbc.update("delete from product");
		fill("bulk", ROWS);
		long before = usedHeapAfterGc();
		long rows = 0;
		long growthHalfway = 0;
		int managedHalfway = -1;
		try (Stream<Product> stream = this.products
			.search(DomainRepositoryIntegrationTests.inCategory("bulk"), QueryOptions.unpaged().withSort(Sort.by("price")))
			.stream()) {
			assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
			Iterator<Product> iterator = stream.iterator();
			while (iterator.hasNext()) {
				Product product = iterator.next();
				rows++;
				assertThat(product.getPrice().longValue()).isEqualTo(rows);
				if (rows == ROWS / 2) {
					managedHalfway = this.entityManager.unwrap(SessionImplementor.class)
						.getPersistenceContextInternal()
						.getNumberOfManagedEntities();
					growthHalfway = usedHeapAfterGc() - before;
				}
			}
		}
		assertThat(rows).isEqualTo(ROWS);
		assertThat(managedHalfway).isZero();
		// 100,000 Product instances with their UUIDs, strings and decimals take well over 30 MB.
		assertThat(growthHalfway).isLessThan(16L * 1024 * 1024);
		assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
	}

	@Test
	void anEntityTheCallerAlreadyHoldsStaysManagedWhileStreamedPast() {
		this.jdbc.update("delete from product");
		fill("few", 5);
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			Product held = this.products.findAll().get(0);
			long streamed;
			try (Stream<Product> stream = this.products
				.search(DomainRepositoryIntegrationTests.inCategory("few"), QueryOptions.unpaged())
				.stream()) {
				streamed = stream.count();
			}
			assertThat(streamed).isEqualTo(5);
			assertThat(this.entityManager.contains(held)).isTrue();
			held.rename("renamed while streaming");
		});
		assertThat(this.jdbc.queryForObject("select count(*) from product where name = 'renamed while streaming'",
				Long.class)).isEqualTo(1);
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 2; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
