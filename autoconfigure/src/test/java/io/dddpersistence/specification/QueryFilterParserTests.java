package io.dddpersistence.specification;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryFilterParserTests {

	private static Filter parse(String text) {
		return QueryFilterParser.parse(text, SearchProperties.DEFAULTS);
	}

	private static Filter json(String text) {
		return JsonFilterParser.parse(text, SearchProperties.DEFAULTS);
	}

	@Test
	void aConditionIsFieldOperatorAndValues() {
		assertThat(parse("status:eq:pending")).isEqualTo(Filter.where("status", "eq", "pending"));
		assertThat(parse("price:between:10|20")).isEqualTo(Filter.where("price", "between", "10", "20"));
		assertThat(parse("deleted_at:is_null")).isEqualTo(Filter.where("deleted_at", "is_null"));
		assertThat(parse("customer.address.city:eq:Paris"))
			.isEqualTo(Filter.where("customer.address.city", "eq", "Paris"));
	}

	@Test
	void valuesMayHoldColonsBracketsAndQuotedText() {
		assertThat(parse("created_at:gte:2024-01-01T10:00:00Z"))
			.isEqualTo(Filter.where("created_at", "gte", "2024-01-01T10:00:00Z"));
		assertThat(parse("geom:within:POLYGON((0 0,1 0,1 1,0 0))"))
			.isEqualTo(Filter.where("geom", "within", "POLYGON((0 0,1 0,1 1,0 0))"));
		assertThat(parse("name:eq:\"a,b|c(\\\"d\\\\)\"")).isEqualTo(Filter.where("name", "eq", "a,b|c(\"d\\)"));
		assertThat(parse("name:eq:")).isEqualTo(Filter.where("name", "eq", ""));
	}

	@Test
	void groupsNestAndTopLevelCommasMeanAnd() {
		Filter expected = Filter.and(Filter.where("status", "eq", "pending"),
				Filter.and(Filter.where("price", "gte", "10"),
						Filter.or(Filter.where("name", "ilike", "foo*"), Filter.where("tags", "contains", "x"))));
		assertThat(parse("status:eq:pending, and( price:gte:10 , OR(name:ilike:foo*,tags:contains:x) )"))
			.isEqualTo(expected);
		assertThat(parse("not(a:eq:1)")).isEqualTo(Filter.not(Filter.where("a", "eq", "1")));
	}

	@Test
	void theJsonFormGivesTheSameTree() {
		assertThat(json("""
				{"and": [{"field": "status", "op": "eq", "value": "pending"},
				         {"or": [{"field": "price", "op": "between", "values": [10, 20.50]},
				                 {"not": {"field": "deleted_at", "op": "is_null"}}]}]}"""))
			.isEqualTo(parse("and(status:eq:pending,or(price:between:10|20.50,not(deleted_at:is_null)))"));
		assertThat(json("{\"field\":\"geom\",\"op\":\"intersects\",\"value\":{\"type\":\"Point\",\"coordinates\":[1,2]}}"))
			.isEqualTo(Filter.where("geom", "intersects", "{\"type\":\"Point\",\"coordinates\":[1,2]}"));
	}

	@Test
	void theFluentBuilderGivesTheSameTree() {
		assertThat(Filter.field("status").eq("pending").and(Filter.field("price").between("10", "20")))
			.isEqualTo(parse("status:eq:pending,price:between:10|20"));
		assertThat(Filter.field("a").isNull().or(Filter.field("b").in("1", "2")).negate())
			.isEqualTo(parse("not(or(a:is_null,b:in:1|2))"));
	}

	@Test
	void malformedTextNamesThePosition() {
		for (String text : List.of("and(a:eq:1", "a:eq:1)", "a", "a:", ":eq:1", "a.:eq:1", "and(,)", "a:eq:\"x",
				"a:eq:x\"", "a:eq:(", "xor(a:eq:1)", "a:eq:1,,b:eq:2", "not(a:eq:1,b:eq:2)", "a:eq:\"\\n\"")) {
			assertThatExceptionOfType(MalformedFilterException.class).as(text)
				.isThrownBy(() -> parse(text))
				.satisfies((ex) -> assertThat(ex.getFacts()).containsKey("position"));
		}
	}

	@Test
	void malformedJsonIsRejected() {
		for (String text : List.of("{", "[]", "{\"and\": []}", "{\"field\": \"a\"}", "{\"field\": 1, \"op\": \"eq\"}",
				"{\"field\": \"a\", \"op\": \"eq\", \"value\": [1]}", "{\"field\": \"a\", \"op\": \"eq\", \"extra\": 1}",
				"{\"and\": [], \"or\": []}", "\"a\"", "{\"field\": \"a\", \"op\": \"in\", \"values\": 3}")) {
			assertThatExceptionOfType(MalformedFilterException.class).as(text).isThrownBy(() -> json(text));
		}
	}

	@Test
	void limitsAreCheckedWhileParsing() {
		assertThatExceptionOfType(SearchLimitExceededException.class)
			.isThrownBy(() -> parse("and(".repeat(2000) + "a:eq:1" + ")".repeat(2000)));
		assertThatExceptionOfType(SearchLimitExceededException.class)
			.isThrownBy(() -> json("{\"not\":".repeat(400) + "{\"field\":\"a\",\"op\":\"is_null\"}" + "}".repeat(400)));
		assertThatExceptionOfType(SearchLimitExceededException.class)
			.isThrownBy(() -> parse("a:is_null,".repeat(25) + "a:is_null"));
		assertThatExceptionOfType(SearchLimitExceededException.class)
			.isThrownBy(() -> parse("a:in:" + "1|".repeat(200) + "1"));
	}

	@Test
	void likePatternsOnlyKnowTheStar() {
		assertThat(StandardOperators.pattern("a*b%c_d\\*")).isEqualTo("a%b\\%c\\_d*");
		assertThat(StandardOperators.escapeLike("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
	}

}
