package io.dddpersistence.repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.repository.sample.Address;
import io.dddpersistence.repository.sample.EmailAddress;
import io.dddpersistence.repository.sample.Order;
import io.dddpersistence.repository.sample.OrderEntity;
import io.dddpersistence.repository.sample.OrderLine;
import io.dddpersistence.repository.sample.OrderRepository;
import io.dddpersistence.repository.sample.OrderStatus;
import io.dddpersistence.repository.sample.RepositoryTestApplication;
import io.dddpersistence.repository.sample.Tag;
import io.dddpersistence.repository.sample.TagRepository;
import io.dddpersistence.test.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(classes = RepositoryTestApplication.class, properties = RepositoryTestProperties.ALL)
@FreshDatabase
class MappedDomainRepositoryIntegrationTests {

	static final Address ADDRESS = new Address("Unter den Linden 1", "Berlin", "10117");

	static final List<OrderLine> LINES = List.of(new OrderLine("kettle", 2, new BigDecimal("25.00")),
			new OrderLine("mug", 6, new BigDecimal("4.50")));

	@Autowired
	OrderRepository orders;

	@Autowired
	TagRepository tags;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyTable() {
		this.jdbc.update("delete from orders");
	}

	@Test
	void addStoresADomainRecordAsItsEntityWithJsonbValueObjectsAndConvertedColumns() {
		Order added = this.orders.add(Order.place("ada", new EmailAddress("ada@example.com"), ADDRESS, LINES));
		assertThat(added.id()).isNotNull();
		assertThat(added.version()).isZero();
		Map<String, Object> row = this.jdbc.queryForMap("select email, status, pg_typeof(shipping_address)::text as type,"
				+ " shipping_address ->> 'city' as city, jsonb_array_length(lines) as line_count,"
				+ " lines -> 1 ->> 'sku' as second_sku from orders where id = ?", added.id());
		assertThat(row).containsEntry("email", "ada@example.com")
			.containsEntry("status", "PENDING")
			.containsEntry("type", "jsonb")
			.containsEntry("city", "Berlin")
			.containsEntry("line_count", 2)
			.containsEntry("second_sku", "mug");
	}

	@Test
	void getMapsTheEntityBackToAnEqualDomainRecord() {
		Order added = this.orders.add(Order.place("ada", new EmailAddress("ada@example.com"), ADDRESS, LINES));
		Order read = this.orders.get(added.id()).orElseThrow();
		assertThat(read).isEqualTo(added);
		assertThat(read.lines()).first().isInstanceOf(OrderLine.class);
		assertThat(read.email()).isEqualTo(new EmailAddress("ada@example.com"));
	}

	@Test
	void anUpdateKeepsEntityFieldsTheDomainTypeLacksAndIncrementsTheVersion() {
		Order added = this.orders.add(Order.place("ada", new EmailAddress("ada@example.com"), ADDRESS, LINES));
		this.jdbc.update("update orders set internal_note = 'call first' where id = ?", added.id());
		Order paid = this.orders.add(added.pay());
		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
		assertThat(paid.version()).isEqualTo(1);
		assertThat(this.jdbc.queryForMap("select status, internal_note from orders where id = ?", added.id()))
			.containsEntry("status", "PAID")
			.containsEntry("internal_note", "call first");
	}

	@Test
	void aStaleDomainObjectIsRefusedAtAdd() {
		Order added = this.orders.add(Order.place("ada", new EmailAddress("ada@example.com"), ADDRESS, LINES));
		this.orders.add(added.pay());
		assertThatExceptionOfType(OptimisticConcurrencyException.class).isThrownBy(() -> this.orders.add(added.pay()))
			.satisfies((ex) -> {
				assertThat(ex.getEntityType()).isEqualTo("OrderEntity");
				assertThat(ex.getExpectedVersion()).isZero();
				assertThat(ex.getActualVersion()).isEqualTo(1);
			});
	}

	@Test
	void aDomainMapperBeanReplacesTheMappingByName() {
		Tag added = this.tags.add(new Tag(null, null, "Urgent"));
		assertThat(added.label()).isEqualTo("urgent");
		Tag renamed = this.tags.add(new Tag(added.id(), added.version(), "VERY urgent"));
		assertThat(renamed.version()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select text from tag_entity where id = ?", String.class, added.id()))
			.isEqualTo("very urgent");
	}

	@Test
	void searchAndListAllReturnDomainObjectsWhileDerivedQueriesReturnEntities() {
		UUID ada = this.orders.add(Order.place("ada", new EmailAddress("ada@example.com"), ADDRESS, LINES)).id();
		UUID bob = this.orders.add(Order.place("bob", new EmailAddress("bob@example.com"), ADDRESS, List.of())).id();
		Specification<OrderEntity> byAda = (root, query, builder) -> builder.equal(root.get("customer"), "ada");
		assertThat(this.orders.search(byAda, QueryOptions.unpaged()).list()).extracting(Order::customer)
			.containsExactly("ada");
		assertThat(this.orders.search(Specification.unrestricted(), QueryOptions.unpaged().withSort(Sort.by("customer")))
			.page()
			.getContent()).extracting(Order::id).containsExactly(ada, bob);
		assertThat(this.orders.listAll(List.of(bob, ada))).extracting(Order::customer).containsExactly("bob", "ada");
		assertThat(this.orders.findByCustomer("bob")).singleElement().isInstanceOf(OrderEntity.class);
	}

}
