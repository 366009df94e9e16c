package io.dddpersistence.specification;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Random and mutated filters, 10,000 of each kind of run: the parser and compiler only ever fail
 * with an {@link InvalidSearchException}, and the web endpoint only ever answers 200 or 400.
 */
class SearchFuzzIntegrationTests extends SearchIntegrationTest {

	private static final int INPUTS = 10_000;

	private static final List<String> SEEDS = List.of("status:eq:pending", "name:ilike:a*,age:gt:3",
			"or(status:eq:active,and(age:between:1|40,not(name:contains:x)))", "orders.lines.product:in:widget|gizmo",
			"created_at:gte:2024-01-01T00:00:00Z", "external_id:eq:6c5b1b1a-1a2b-3c4d-5e6f-7a8b9c0d1e2f",
			"name:eq:\"x'; drop table customer; --\"", "tags:is_empty", "address.city:starts_with:Ly",
			"{\"or\":[{\"field\":\"age\",\"op\":\"gt\",\"value\":3},{\"not\":{\"field\":\"vip\",\"op\":\"eq\",\"value\":true}}]}",
			"credit:lt:10.5,birthday:is_not_null", "orders.total:gte:100");

	private static final String ALPHABET = "abcdefgnorstuvxyz_.:,|()[]{}\"\\'*%-+0123456789 =;\u00e9\u0000\t";

	private static final List<String> TOKENS = List.of("and(", "or(", "not(", ")", ",", ":", "|", "\"", "name", "age",
			"status", "orders.lines.product", "tags", ":eq:", ":in:", ":between:", ":ilike:", ":is_null", "{", "}",
			"[", "]", "\"field\":", "\"op\":", "\"value\":", "null", "9999999999999999999", "-1", "NaN",
			"2024-13-01", "POINT(1 2)", "'; drop table customer; --");

	private static final List<String> FIELDS = List.of("name", "age", "credit", "vip", "created_at", "birthday",
			"external_id", "status", "tags", "address.city", "orders.total", "orders", "email", "password_hash");

	private static final List<String> OPERATORS = List.of("eq", "ne", "gt", "lte", "between", "in", "not_in", "like",
			"ilike", "contains", "is_null", "is_empty", "within", "even", "EQ");

	private static final List<String> VALUES = List.of("", "0", "-1", "2147483648", "9223372036854775808", "1e100000",
			"NaN", "Infinity", "-0.0", "true", "yes", "2024-02-30", "+300000-01-01T00:00:00Z", "2024-01-01T00:00:00+25:00",
			"-9999-01-01", "\u0000", "a\u0000b", "%", "_", "\\", "*", "' or 1=1 --", "ACTIVE", "active", "zzz",
			"00000000-0000-0000-0000-000000000000", "POINT(1 2)", "\"quoted|value\"", "a|b|c", "1|2");

	private static final List<String> SPATIAL_SEEDS = List.of("location:within_distance:POINT(2.2945 48.8584)|5000",
			"location:within:2|48|3|49", "location:intersects:\"POLYGON((4 45,5 45,5 46,4 46,4 45))\"",
			"location:within:{\"type\":\"Polygon\",\"coordinates\":[[[2.3,48],[3,48],[3,49],[2.3,49],[2.3,48]]]}",
			"location:within:SRID=4326;POINT(2.3 48.8)", "location:within_distance:SRID=4326;POINT(2.3 48.8)|1e3");

	private static final List<String> SPATIAL_OPERATORS = List.of("within", "intersects", "within_distance", "eq",
			"is_null");

	/** Geometries PostGIS fails on (not finite, another SRID, invalid) beside good ones. */
	private static final List<String> GEOMETRIES = List.of("POINT(1e309 0)", "POINT(Infinity 0)", "POINT(-Infinity 0)",
			"POINT(NaN 0)", "POINT(0 1e309)", "POINT Z(1 2 Infinity)", "{\"type\":\"Point\",\"coordinates\":[1e309,0]}",
			"{\"type\":\"Point\",\"coordinates\":[0,-1e309]}",
			"{\"type\":\"LineString\",\"coordinates\":[[0,0],[1e309,1]]}", "SRID=0;POINT(0 0)",
			"SRID=3857;POINT(0 0)", "SRID=-1;POINT(0 0)", "SRID=99999999999;POINT(0 0)", "SRID=;POINT(0 0)",
			"SRID=4326;POINT(1e309 0)", "\"POLYGON((0 0,1 1,1 0,0 1,0 0))\"",
			"{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}", "POINT EMPTY",
			"\"LINESTRING(0 0,1e308 1e308)\"", "POINT(1e308 -1e308)", "POINT(2.29 48.86)", "SRID=4326;POINT(2.29 48.86)",
			"\"MULTIPOINT((0 0),(1 1))\"", "{\"type\":\"Point\",\"coordinates\":[2.29,48.86]}", "POINT(1 2",
			"POLYGON((1 2))");

	private static final List<String> DISTANCES = List.of("10", "0", "-1", "-0.0", "1e309", "Infinity", "-Infinity",
			"NaN", "1e308", "abc", "5000");

	@Autowired
	SearchLanguage search;

	@Autowired
	PlaceRepository places;

	@Autowired
	CustomerRepository customers;

	@Autowired
	WebApplicationContext context;

	@Test
	void randomAndMutatedFiltersOnlyEverFailWithSearchErrors() {
		int accepted = 0;
		for (String filter : inputs(new Random(20261122L))) {
			try {
				this.customers.count(this.search.specification(Customer.class, filter));
				accepted++;
			}
			catch (InvalidSearchException expected) {
				assertThat(expected.getCode()).isNotBlank();
			}
			catch (RuntimeException unexpected) {
				throw new AssertionError("Unexpected " + unexpected + " for filter <" + filter + ">", unexpected);
			}
		}
		assertThat(accepted).as("some inputs are valid and run").isPositive();
	}

	@Test
	void theWebEndpointAnswersOnly200Or400() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		Random random = new Random(42L);
		List<String> inputs = inputs(random);
		int ok = 0;
		for (String filter : inputs) {
			var request = get("/customers/count").param("filter", filter);
			if (random.nextInt(4) == 0) {
				request.param("sort", mutate(random, "-created_at,name"));
			}
			if (random.nextInt(4) == 0) {
				request.param(random.nextBoolean() ? "page" : "size", mutate(random, "12"));
			}
			if (random.nextInt(8) == 0) {
				request.param("after", mutate(random, "bmFtZT1Cb2ImaWQ9Mg"));
			}
			MvcResult result = mvc.perform(request).andReturn();
			int status = result.getResponse().getStatus();
			assertThat(status).as("status for <" + filter + ">").isIn(200, 400);
			if (status == 400) {
				assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
			}
			else {
				ok++;
			}
		}
		assertThat(ok).isPositive();
	}

	@Test
	void spatialFiltersOnlyEverFailWithSearchErrorsAndTheEndpointWith400() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		int accepted = 0;
		for (String filter : spatialInputs(new Random(20261203L))) {
			try {
				this.places.count(this.search.specification(Place.class, filter));
				accepted++;
			}
			catch (InvalidSearchException expected) {
				assertThat(expected.getCode()).isNotBlank();
			}
			catch (RuntimeException unexpected) {
				throw new AssertionError("Unexpected " + unexpected + " for filter <" + filter + ">", unexpected);
			}
			MvcResult result = mvc.perform(get("/places/count").param("filter", filter)).andReturn();
			assertThat(result.getResponse().getStatus()).as("status for <" + filter + ">").isIn(200, 400);
		}
		assertThat(accepted).as("some inputs are valid and run").isPositive();
	}

	private static List<String> spatialInputs(Random random) {
		List<String> inputs = new ArrayList<>(INPUTS / 5);
		while (inputs.size() < INPUTS / 5) {
			if (random.nextInt(3) == 0) {
				inputs.add(mutate(random, SPATIAL_SEEDS.get(random.nextInt(SPATIAL_SEEDS.size()))));
				continue;
			}
			String operator = SPATIAL_OPERATORS.get(random.nextInt(SPATIAL_OPERATORS.size()));
			String value = (operator.equals("within") && random.nextInt(4) == 0)
					? String.join("|", pick(random, DISTANCES), pick(random, DISTANCES), pick(random, DISTANCES),
							pick(random, DISTANCES))
					: pick(random, GEOMETRIES);
			if (operator.equals("within_distance") || random.nextInt(8) == 0) {
				value += "|" + pick(random, DISTANCES);
			}
			inputs.add("location:" + operator + ":" + value);
		}
		return inputs;
	}

	private static String pick(Random random, List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static List<String> inputs(Random random) {
		List<String> inputs = new ArrayList<>(INPUTS);
		while (inputs.size() < INPUTS) {
			switch (random.nextInt(4)) {
				case 3 -> inputs.add(FIELDS.get(random.nextInt(FIELDS.size())) + ":"
						+ OPERATORS.get(random.nextInt(OPERATORS.size())) + ":" + VALUES.get(random.nextInt(VALUES.size()))
						+ (random.nextBoolean() ? "" : "|" + VALUES.get(random.nextInt(VALUES.size()))));
				case 0 -> inputs.add(mutate(random, SEEDS.get(random.nextInt(SEEDS.size()))));
				case 1 -> {
					StringBuilder text = new StringBuilder();
					int tokens = 1 + random.nextInt(12);
					for (int i = 0; i < tokens; i++) {
						text.append(TOKENS.get(random.nextInt(TOKENS.size())));
					}
					inputs.add(text.toString());
				}
				default -> {
					StringBuilder text = new StringBuilder();
					int length = random.nextInt(40);
					for (int i = 0; i < length; i++) {
						text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
					}
					inputs.add(text.toString());
				}
			}
		}
		return inputs;
	}

	private static String mutate(Random random, String seed) {
		StringBuilder text = new StringBuilder(seed);
		int mutations = random.nextInt(4);
		for (int i = 0; i < mutations && !text.isEmpty(); i++) {
			int at = random.nextInt(text.length());
			switch (random.nextInt(5)) {
				case 0 -> text.deleteCharAt(at);
				case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
				case 2 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
				case 3 -> text.setLength(at);
				default -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(10))));
			}
		}
		return text.toString();
	}

}
