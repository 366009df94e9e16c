package io.dddpersistence.specification;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SearchWebIntegrationTests extends SearchIntegrationTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	SearchTestApplication.StatementCounter statements;

	MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
	}

	@Test
	void filterSortAndPageParametersBecomeASearch() throws Exception {
		this.mvc.perform(get("/customers").param("filter", "or(status:eq:active,address.city:eq:Lyon)")
			.param("sort", "-age,name")
			.param("page", "0")
			.param("size", "3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", contains("Carol", "Bob", "Alice")));
		this.mvc.perform(get("/customers").param("filter", "or(status:eq:active,address.city:eq:Lyon)")
			.param("sort", "-age,name")
			.param("page", "1")
			.param("size", "3")).andExpect(jsonPath("$", contains("100%_real")));
		this.mvc.perform(get("/customers/count").param("filter", "{\"field\":\"orders.lines.product\",\"op\":\"eq\",\"value\":\"widget\"}"))
			.andExpect(content().string("1"));
		this.mvc.perform(get("/customers")).andExpect(jsonPath("$", hasSize(5)));
	}

	@Test
	void percentEncodedFiltersAreDecodedByTheServletLayer() throws Exception {
		this.mvc.perform(get(java.net.URI.create(
				"/customers?filter=name%3Aeq%3A%22x%27%3B%20drop%20table%20customer%3B%20--%22")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", contains("x'; drop table customer; --")));
	}

	@Test
	void anEndpointCanNarrowTheWhitelist() throws Exception {
		this.mvc.perform(get("/customers/narrow").param("filter", "name:starts_with:A").param("sort", "age"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", contains("Alice")));
		this.mvc.perform(get("/customers/narrow").param("filter", "age:gt:1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("field-not-allowed"))
			.andExpect(jsonPath("$.field").value("age"))
			.andExpect(jsonPath("$.allowed", contains("name")));
		this.mvc.perform(get("/customers/narrow").param("sort", "name"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.use").value("sorting"));
	}

	@Test
	void keysetCursorsAreOpaqueUrlSafeStrings() throws Exception {
		String body = this.mvc.perform(get("/customers/scroll").param("sort", "name").param("size", "2"))
			.andExpect(jsonPath("$.names", contains("100%_real", "Alice")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String next = JsonPath.read(body, "$.next");
		assertThat(next).matches("[A-Za-z0-9_-]+");
		this.mvc.perform(get("/customers/scroll").param("sort", "name").param("size", "2").param("after", next))
			.andExpect(jsonPath("$.names", contains("Bob", "Carol")));
		this.mvc.perform(get("/customers/scroll").param("sort", "age").param("size", "2").param("after", next))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("invalid-page"))
			.andExpect(jsonPath("$.parameter").value("after"));
	}

	@Test
	void everySearchErrorIsAProblemDetailWithItsFactsAndNoSql() throws Exception {
		problem("filter", "nope:eq:1", "unknown-field", "field", "nope");
		problem("filter", "email:eq:1", "field-not-allowed", "field", "email");
		problem("filter", "name:soundex:x", "unknown-operator", "operator", "soundex");
		problem("filter", "age:ilike:4*", "operator-not-applicable", "fieldType", "Integer");
		problem("filter", "age:eq:abc", "invalid-value", "value", "abc");
		problem("filter", "external_id:eq:123", "invalid-value", "expected", "a value of type UUID");
		problem("filter", "birthday:eq:yesterday", "invalid-value", "field", "birthday");
		problem("filter", "{\"field\":", "malformed-filter", "form", "JSON");
		problem("filter", "and(name:eq:a", "malformed-filter", "form", "query-string");
		problem("filter", "or(or(or(or(or(name:eq:a)))))", "limit-exceeded", "limit", "max-depth");
		problem("filter", "age:in:" + "1|".repeat(120) + "1", "limit-exceeded", "limit", "max-in-values");
		problem("size", "500", "limit-exceeded", "limit", "max-page-size");
		problem("page", "-1", "invalid-page", "parameter", "page");
		problem("sort", "orders.total", "invalid-sort", "field", "orders.total");
		problem("sort", "email", "field-not-allowed", "use", "sorting");
	}

	@Test
	void aSizeAboveTheOneMaximumIsTheOnePageTooLargeProblem() throws Exception {
		long before = this.statements.count();
		this.mvc.perform(get("/customers").param("size", "101"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("limit-exceeded"))
			.andExpect(jsonPath("$.limit").value("max-page-size"))
			.andExpect(jsonPath("$.parameter").value("size"))
			.andExpect(jsonPath("$.maximum").value(100))
			.andExpect(jsonPath("$.actual").value(101))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
					"ddd.persistence.repository.max-page-size")));
		assertThat(this.statements.count()).isEqualTo(before);
		this.mvc.perform(get("/customers").param("size", "100")).andExpect(status().isOk());
	}

	@Test
	void geometriesAndDistancesTheDatabaseWouldFailOnAreProblemDetailsAndNoSql() throws Exception {
		List<String> filters = new ArrayList<>(List.of("location:within:POINT(1e309 0)",
				"location:within:POINT(Infinity 0)", "location:within:{\"type\":\"Point\",\"coordinates\":[1e309,0]}",
				"location:within_distance:POINT(2.29 48.86)|-1", "location:within_distance:POINT(2.29 NaN)|10",
				"location:within:\"POLYGON((0 0,1 1,1 0,0 1,0 0))\""));
		for (String srid : List.of("0", "3857", "-1")) {
			for (String operator : List.of("within", "intersects")) {
				filters.add("location:" + operator + ":SRID=" + srid + ";POINT(0 0)");
			}
			filters.add("location:within_distance:SRID=" + srid + ";POINT(0 0)|10");
		}
		for (String filter : filters) {
			long before = this.statements.count();
			this.mvc.perform(get("/places/count").param("filter", filter))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.code").value("invalid-value"))
				.andExpect(jsonPath("$.field").value("location"));
			assertThat(this.statements.count()).as("statements sent for " + filter).isEqualTo(before);
		}
		this.mvc.perform(get("/places/count").param("filter", "location:within:SRID=4326;POINT(2.2945 48.8584)"))
			.andExpect(status().isOk());
	}

	@Test
	void messagesQuoteABoundedPrefixOfTheInputOnce() throws Exception {
		String longSort = "x".repeat(100_000);
		for (String[] parameter : new String[][] { { "sort", longSort }, { "sort", "-" + longSort + "!" },
				{ "page", "9".repeat(100_000) }, { "size", "a".repeat(100_000) },
				{ "after", "c".repeat(100_000) }, { "filter", "n".repeat(3000) + ":eq:1" } }) {
			String body = this.mvc.perform(get("/customers").param(parameter[0], parameter[1]))
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body.length()).as(parameter[0]).isLessThan(1000);
			String detail = JsonPath.read(body, "$.detail");
			assertThat(detail).as(parameter[0]).contains("…");
			assertThat(detail.length()).as(parameter[0]).isLessThan(300);
		}
	}

	@Test
	void aSearchParameterGivenTwiceIsRefusedNotPicked() throws Exception {
		long before = this.statements.count();
		for (String parameter : new String[] { "filter", "sort", "page", "size", "after" }) {
			this.mvc.perform(get("/customers").param(parameter, "1", "2"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("repeated-parameter"))
				.andExpect(jsonPath("$.parameter").value(parameter))
				.andExpect(jsonPath("$.detail").value("The parameter '" + parameter + "' must be given once."));
		}
		assertThat(this.statements.count()).isEqualTo(before);
	}

	@Test
	void aMalformedJsonFilterNamesNoParserInternals() throws Exception {
		for (String json : new String[] { "{\"field\":", "{\"field\": \"name\", \"op\": eq}", "[{]" }) {
			String body = this.mvc.perform(get("/customers").param("filter", json))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("malformed-filter"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain("[Source", "REDACTED", "StreamReadFeature", "line:", "column:", "Jackson");
		}
	}

	@Test
	void aNulCharacterInAFilterValueIsRefusedNamingTheFieldNotTheValue() throws Exception {
		long before = this.statements.count();
		String body = this.mvc.perform(get("/customers").param("filter", "name:eq:a\u0000b"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("invalid-value"))
			.andExpect(jsonPath("$.field").value("name"))
			.andExpect(jsonPath("$.expected").value("text without NUL characters"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("\\u0000", "a?b", "'a");
		this.mvc.perform(get("/customers").param("filter", "{\"field\":\"name\",\"op\":\"in\",\"values\":[\"x\",\"\\u0000\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("name"));
		this.mvc.perform(get("/customers").param("sort", "na\u0000me"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("na?me"));
		assertThat(this.statements.count()).isEqualTo(before);
	}

	private void problem(String parameter, String value, String code, String fact, String factValue) throws Exception {
		long before = this.statements.count();
		this.mvc.perform(get("/customers").param(parameter, value))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Invalid search"))
			.andExpect(jsonPath("$.type").value("urn:ddd-persistence:problem:" + code))
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$." + fact).value(factValue));
		assertThat(this.statements.count()).as("statements sent for " + value).isEqualTo(before);
	}

	@Test
	void dataErrorsAreProblemDetailsWithTheirFacts() throws Exception {
		this.mvc.perform(get("/errors/stale"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("concurrent-modification"))
			.andExpect(jsonPath("$.entity").value("Customer"))
			.andExpect(jsonPath("$.id").value("7"))
			.andExpect(jsonPath("$.expectedVersion").value(3))
			.andExpect(jsonPath("$.actualVersion").value(4));
		this.mvc.perform(get("/errors/duplicate"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.constraint").value("uq_customer_email"))
			.andExpect(jsonPath("$.table").value("customer"))
			.andExpect(jsonPath("$.columns", contains("email")));
		this.mvc.perform(get("/errors/reference"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.constraint").value("fk_purchase_order_customer_id"))
			.andExpect(jsonPath("$.referencedTable").value("customer"));
		this.mvc.perform(get("/errors/archived"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("archived-entity"))
			.andExpect(jsonPath("$.id").value("9"));
		this.mvc.perform(get("/errors/tenant"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("missing-tenant"))
			.andExpect(jsonPath("$.entity").value("Customer"));
		this.mvc.perform(get("/errors/cross-tenant"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"))
			.andExpect(jsonPath("$.detail").value("Customer with id 5 was not found."));
		this.mvc.perform(get("/errors/geometry"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("invalid-geometry"))
			.andExpect(jsonPath("$.field").value("location"));
	}

}
