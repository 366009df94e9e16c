package io.dddpersistence.docs.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dddpersistence.specification.SearchLanguage;
import io.dddpersistence.specification.SearchRequest;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The search page's samples work as written: the language in Java, the filter tree, paging, the operator, the web. */
@SpringBootTest(classes = SearchApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create", "ddd.persistence.outbox.poller-enabled=false" })
@FreshDatabase
class SearchSamplesIntegrationTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	OrderRepository orders;

	@Autowired
	CustomerRepository customers;

	@Autowired
	PendingOrders pendingOrders;

	@Autowired
	SearchLanguage search;

	@BeforeEach
	void orders() {
		if (this.orders.count() > 0) {
			return;
		}
		Customer ann = this.customers.save(new Customer("Ann"));
		Customer bob = this.customers.save(new Customer("Bob"));
		this.orders.saveAll(List.of(order("alpha", "pending", "12", 2, 1, ann, Set.of("vip")),
				order("beta", "pending", "5", 3, 2, bob, Set.of("test")),
				order("gamma", "paid", "50", 4, 3, ann, Set.of()),
				order("delta", "pending", "30", 1, 4, null, Set.of("test"))));
	}

	@Test
	void pendingOrdersOfAtLeastTenNewestFirst() {
		assertThat(this.pendingOrders.find()).extracting(Order::getName).containsExactly("delta", "alpha");
	}

	@Test
	void filterTreeBuiltInJava() {
		assertThat(this.orders.findAll(this.search.specification(Order.class, OrderFilters.pendingNotTest())))
			.extracting(Order::getName)
			.containsExactly("alpha");
	}

	@Test
	void operatorOfTheApplication() {
		assertThat(this.orders.findAll(this.search.specification(Order.class, "quantity:even")))
			.extracting(Order::getName)
			.containsExactlyInAnyOrder("alpha", "gamma");
	}

	@Test
	void pagesAndKeysetCursor() {
		OrderPages pages = new OrderPages(this.orders);
		assertThat(pages.nextCursor(request("status:eq:pending", "1", null))).isNotNull();
		String afterFirstTwo = pages.nextCursor(request("status:eq:pending", "2", null));
		assertThat(pages.nextCursor(request("status:eq:pending", "2", afterFirstTwo))).isNull();
	}

	@Test
	void webEndpoint() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		mvc.perform(get("/orders").param("filter", "status:eq:pending,total:gte:10").param("sort", "-created_at"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].total", contains(30.0, 12.0)));
		mvc.perform(get("/orders").param("filter", "name:eq:alpha"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("field-not-allowed"));
	}

	private SearchRequest<Order> request(String filter, String size, String after) {
		return this.search.request(Order.class, new SearchRequest.Parameters(filter, "-created_at", null, size, after),
				null);
	}

	private static Order order(String name, String status, String total, int quantity, int day, Customer customer,
			Set<String> tags) {
		return new Order(name, status, new BigDecimal(total), quantity, Instant.parse("2025-01-0%dT10:00:00Z".formatted(day)),
				customer, tags);
	}

}
