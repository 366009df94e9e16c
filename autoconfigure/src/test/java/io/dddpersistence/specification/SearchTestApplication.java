package io.dddpersistence.specification;

import java.util.List;

import io.dddpersistence.error.ArchivedEntityException;
import io.dddpersistence.error.MissingReferenceException;
import io.dddpersistence.error.MissingTenantException;
import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.error.UniqueConstraintViolationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Expression;
import org.hibernate.SessionFactory;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Window;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import io.dddpersistence.specification.web.SearchFields;
import io.dddpersistence.testsupport.SentStatements;

/** The application the search tests run: a few entities with to-one and to-many associations, and a web API. */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWebMvc
@Import(SentStatements.Registration.class)
class SearchTestApplication {

	static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	static final GeometryFactory WEB_MERCATOR = new GeometryFactory(new PrecisionModel(), 3857);

	/** A user operator: {@code age:even}. */
	@Bean
	SearchOperator evenOperator() {
		return SearchOperator.of("even", 0, 0, Integer.class::equals,
				(cb, field, values) -> cb.equal(cb.mod(integer(field), 2), 0));
	}

	@SuppressWarnings("unchecked")
	private static Expression<Integer> integer(Expression<?> field) {
		return (Expression<Integer>) field;
	}

	@Bean
	ApplicationRunner searchTestData(EntityManager entityManager, TransactionTemplate transactions) {
		return (arguments) -> transactions.executeWithoutResult((status) -> {
			Address paris = persist(entityManager, new Address("Paris", "Rue de Rivoli"));
			Address lyon = persist(entityManager, new Address("Lyon", "Rue de la République"));
			Customer alice = persist(entityManager, new Customer("Alice", Customer.Status.ACTIVE, 30, "100.50", true,
					"2024-01-01T10:00:00Z", "1990-05-01", paris, "gold", "early"));
			Customer bob = persist(entityManager, new Customer("Bob", Customer.Status.PENDING, 41, "20.00", false,
					"2024-02-01T10:00:00Z", "1980-01-01", lyon));
			persist(entityManager, new Customer("Carol", Customer.Status.ACTIVE, null, "0.00", false,
					"2024-03-01T10:00:00Z", null, null, "silver"));
			persist(entityManager, new Customer("100%_real", Customer.Status.BLOCKED, 22, "5.00", false,
					"2024-04-01T10:00:00Z", null, lyon));
			persist(entityManager, new Customer("x'; drop table customer; --", Customer.Status.BLOCKED, 50, "1.00",
					false, "2024-05-01T10:00:00Z", null, null));
			PurchaseOrder first = persist(entityManager,
					new PurchaseOrder(alice, "paid", "50.00", "2024-06-01T12:00:00+02:00"));
			PurchaseOrder second = persist(entityManager,
					new PurchaseOrder(alice, "paid", "150.00", "2024-06-02T12:00:00+02:00"));
			PurchaseOrder third = persist(entityManager,
					new PurchaseOrder(bob, "open", "10.00", "2024-06-03T12:00:00+02:00"));
			persist(entityManager, new OrderLine(first, "widget", 2));
			persist(entityManager, new OrderLine(first, "gadget", 1));
			persist(entityManager, new OrderLine(second, "widget", 5));
			persist(entityManager, new OrderLine(third, "gizmo", 1));
			persist(entityManager, new Place("Eiffel Tower", WGS84.createPoint(new Coordinate(2.2945, 48.8584))));
			persist(entityManager, new Place("Louvre", WGS84.createPoint(new Coordinate(2.3376, 48.8606))));
			persist(entityManager, new Place("Lyon", WGS84.createPoint(new Coordinate(4.8357, 45.7640))));
			persist(entityManager, new Site("Eiffel Tower", WEB_MERCATOR.createPoint(new Coordinate(255422, 6250865))));
			persist(entityManager, new Site("Lyon", WEB_MERCATOR.createPoint(new Coordinate(538307, 5741344))));
		});
	}

	private static <T> T persist(EntityManager entityManager, T entity) {
		entityManager.persist(entity);
		return entity;
	}

	/** Counts the JDBC statements Hibernate prepares, to prove that a rejected search sent none. */
	@Bean
	StatementCounter statementCounter(jakarta.persistence.EntityManagerFactory entityManagerFactory) {
		return new StatementCounter(entityManagerFactory.unwrap(SessionFactory.class));
	}

	static final class StatementCounter {

		private final SessionFactory sessionFactory;

		StatementCounter(SessionFactory sessionFactory) {
			this.sessionFactory = sessionFactory;
		}

		long count() {
			return this.sessionFactory.getStatistics().getPrepareStatementCount();
		}

	}

	@RestController
	static class PlaceController {

		private final PlaceRepository places;

		private final SiteRepository sites;

		PlaceController(PlaceRepository places, SiteRepository sites) {
			this.places = places;
			this.sites = sites;
		}

		@GetMapping("/places/count")
		long places(SearchRequest<Place> search) {
			return this.places.count(search.specification());
		}

		@GetMapping("/sites/count")
		long sites(SearchRequest<Site> search) {
			return this.sites.count(search.specification());
		}

	}

	@RestController
	static class CustomerController {

		private final CustomerRepository customers;

		CustomerController(CustomerRepository customers) {
			this.customers = customers;
		}

		@GetMapping("/customers")
		List<String> customers(SearchRequest<Customer> search) {
			Page<Customer> page = this.customers.findAll(search.specification(), search.pageable());
			return page.map(Customer::name).getContent();
		}

		@GetMapping("/customers/count")
		long count(SearchRequest<Customer> search) {
			return this.customers.count(search.specification());
		}

		@GetMapping("/customers/narrow")
		List<String> narrow(@SearchFields(filter = "name", sort = "age") SearchRequest<Customer> search) {
			return this.customers.findAll(search.specification(), search.sort()).stream().map(Customer::name).toList();
		}

		@GetMapping("/customers/scroll")
		ScrollResult scroll(SearchRequest<Customer> search) {
			Window<Customer> window = this.customers.findBy(search.specification(),
					(query) -> query.sortBy(search.sort()).limit(search.size()).scroll(search.scrollPosition()));
			return new ScrollResult(window.map(Customer::name).getContent(), search.cursorAfter(window));
		}

		@GetMapping("/errors/{kind}")
		String fail(@PathVariable String kind) {
			throw switch (kind) {
				case "stale" -> new OptimisticConcurrencyException("Customer", 7L, 3L, 4L, null);
				case "duplicate" -> new UniqueConstraintViolationException("uq_customer_email", "customer",
						List.of("email"), "Key (email)=(a@b.c) already exists.", null);
				case "reference" -> new MissingReferenceException("fk_purchase_order_customer_id", "purchase_order",
						"customer", null, null);
				case "archived" -> new ArchivedEntityException("Customer", 9L);
				case "cross-tenant" -> new io.dddpersistence.error.CrossTenantAccessException("Customer", 5L, "tenant");
				case "geometry" -> new io.dddpersistence.error.InvalidGeometryException("Place", "location",
						"POINT with SRID 4326", "Polygon with SRID 4326");
				default -> new MissingTenantException("Customer");
			};
		}

	}

	record ScrollResult(List<String> names, String next) {
	}

}
