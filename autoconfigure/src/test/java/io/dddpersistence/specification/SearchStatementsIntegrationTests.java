package io.dddpersistence.specification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.dddpersistence.testsupport.SentStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value of a search is a bind parameter: the SQL text the database receives holds none of
 * them, whatever the operator, the value's type or the path (joins, EXISTS subqueries, cursors).
 */
class SearchStatementsIntegrationTests extends SearchIntegrationTest {

	@Autowired
	SearchLanguage search;

	@Autowired
	SentStatements sent;

	@Autowired
	CustomerRepository customers;

	@Autowired
	PlaceRepository places;

	@Autowired
	SiteRepository sites;

	@Test
	void noStatementOfTheSearchLanguageHoldsAUserValue() {
		customers("name:eq:Zebulon", "Zebulon");
		customers("name:ne:Quirinus", "Quirinus");
		customers("name:ilike:zeb*", "zeb");
		customers("name:like:Zeb*", "Zeb");
		customers("name:contains:qwx", "qwx");
		customers("name:starts_with:Qwy", "Qwy");
		customers("name:ends_with:qwz", "qwz");
		customers("name:in:Xanthippe|Yolanda", "Xanthippe", "Yolanda");
		customers("name:eq:\"x'; drop table customer; --\"", "drop table");
		customers("age:gt:4711", "4711");
		customers("age:not_in:4712|4713", "4712", "4713");
		customers("credit:between:17.25|9876.5", "17.25", "9876.5");
		customers("created_at:gte:2031-07-15T10:00:00Z", "2031");
		customers("birthday:lt:1977-03-09", "1977");
		customers("external_id:eq:6c5b1b1a-1a2b-3c4d-5e6f-7a8b9c0d1e2f", "6c5b1b1a");
		customers("status:eq:pending", "PENDING", "pending");
		customers("address.city:starts_with:Lyo", "Lyo");
		customers("orders.total:gte:12345.5", "12345.5");
		customers("orders.lines.product:eq:gizmo", "gizmo");
		customers("tags:in:platinum", "platinum");
		customers("or(name:eq:Ulrike,not(age:lte:3141))", "Ulrike", "3141");
		places("location:within_distance:POINT(2.2945 48.8584)|4321.5", "2.2945", "48.8584", "4321.5");
		places("location:within:2.125|48.375|3.625|49.875", "2.125", "48.375", "3.625", "49.875");
		places("location:intersects:\"POLYGON((4.125 45.125,5.625 45.125,5.625 46.375,4.125 45.125))\"", "4.125",
				"45.125", "5.625", "46.375");
		places("location:within:{\"type\":\"Polygon\",\"coordinates\":[[[2.3125,48],[3.5,48],[3.5,49],[2.3125,48]]]}",
				"2.3125", "3.5");
		places("location:within:SRID=4326;POINT(2.3376 48.8606)", "2.3376", "48.8606", "POINT");
		sites("position:within_distance:SRID=3857;POINT(255400 6250800)|100.5", "255400", "6250800", "100.5");
		sites("position:within:250000|6200000|260000|6300000", "250000", "6200000", "6300000");
	}

	@Test
	void everySpatialFilterSendsTheBoundingTestTheSpatialIndexServesBeforeTheExactTest() {
		assertBoundedThenExact(() -> this.places
			.count(this.search.specification(Place.class, "location:within_distance:POINT(2.2945 48.8584)|1000")),
				exactTestInMetres());
		assertBoundedThenExact(() -> this.places
			.count(this.search.specification(Place.class, "location:within:2|48|3|49")), "st_within(");
		assertBoundedThenExact(() -> this.places
			.count(this.search.specification(Place.class, "location:intersects:POINT(2.2945 48.8584)")),
				"st_intersects(");
		assertBoundedThenExact(() -> this.sites
			.count(this.search.specification(Site.class, "position:within_distance:SRID=3857;POINT(255400 6250800)|100")),
				"st_dwithin(");
	}

	/** How the database's SQL measures metres on the spheroid. */
	String exactTestInMetres() {
		return "geography(";
	}

	private void assertBoundedThenExact(Runnable search, String exact) {
		List<String> statements = this.sent.during(search);
		assertThat(statements).hasSize(1);
		String sql = statements.get(0).toLowerCase(java.util.Locale.ROOT);
		assertThat(sql).contains("&&").contains(exact);
		assertThat(sql.indexOf("&&")).as("the bounding test first").isLessThan(sql.indexOf(exact));
	}

	@Test
	void aKeysetCursorsValuesAreBoundToo() {
		String cursor = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("name=Quentin&id=4242".getBytes(StandardCharsets.UTF_8));
		SearchRequest<Customer> request = this.search.request(Customer.class,
				new SearchRequest.Parameters("age:gt:2718", "name", null, "2", cursor), null);
		List<String> statements = this.sent.during(() -> this.customers.findBy(request.specification(),
				(query) -> query.sortBy(request.sort()).limit(request.size()).scroll(request.scrollPosition())));
		assertBound(statements, "Quentin", "4242", "2718");
	}

	private void customers(String filter, String... values) {
		run(this.customers, this.search.specification(Customer.class, filter), values);
	}

	private void places(String filter, String... values) {
		run(this.places, this.search.specification(Place.class, filter), values);
	}

	private void sites(String filter, String... values) {
		run(this.sites, this.search.specification(Site.class, filter), values);
	}

	private <T> void run(JpaSpecificationExecutor<T> repository, Specification<T> specification, String... values) {
		List<String> statements = this.sent.during(() -> {
			repository.count(specification);
			repository.findAll(specification, PageRequest.of(1, 2));
		});
		assertBound(statements, values);
	}

	private static void assertBound(List<String> statements, String... values) {
		assertThat(statements).as("statements sent").isNotEmpty();
		for (String sql : statements) {
			assertThat(sql).as("SQL text").doesNotContain(values);
		}
	}

}
