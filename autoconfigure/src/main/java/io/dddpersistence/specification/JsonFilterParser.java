package io.dddpersistence.specification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dddpersistence.error.QuotedInput;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON form of a filter into the same tree as the query-string form:
 *
 * <pre class="code">
 * {"and": [
 *   {"field": "status", "op": "eq", "value": "pending"},
 *   {"or": [{"field": "price", "op": "between", "values": [10, 20]},
 *           {"not": {"field": "name", "op": "ilike", "value": "foo*"}}]}
 * ]}
 * </pre>
 *
 * A top-level array means "and". Scalars become their JSON text, so {@code 10} and {@code "10"} give
 * the same condition; an object value (GeoJSON) is kept as its JSON text. Only loaded when Jackson 3
 * is on the class path.
 */
final class JsonFilterParser {

	private static final String FORM = "JSON";

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final SearchProperties limits;

	private int conditions;

	private JsonFilterParser(SearchProperties limits) {
		this.limits = limits;
	}

	static Filter parse(String json, SearchProperties limits) {
		if (json.length() > limits.maxFilterLength()) {
			throw new SearchLimitExceededException("max-filter-length", limits.maxFilterLength(), json.length());
		}
		JsonNode root;
		try {
			root = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			long offset = (ex.getLocation() != null) ? ex.getLocation().getCharOffset() : -1;
			throw new MalformedFilterException(FORM, (int) offset, reason(ex));
		}
		if (root == null || root.isMissingNode()) {
			throw new MalformedFilterException(FORM, 0, "the filter is empty");
		}
		JsonFilterParser parser = new JsonFilterParser(limits);
		if (root.isArray()) {
			return new Filter.And(parser.list(root, 0, "top-level array"));
		}
		return parser.filter(root, 1);
	}

	private Filter filter(JsonNode node, int depth) {
		if (depth > this.limits.maxDepth()) {
			throw new SearchLimitExceededException("max-depth", this.limits.maxDepth(), depth);
		}
		if (!node.isObject()) {
			throw malformed("expected an object but found " + node.getNodeType());
		}
		if (node.has("and") || node.has("or") || node.has("not")) {
			if (node.size() != 1) {
				throw malformed("a group object has exactly one of and, or, not");
			}
			Map.Entry<String, JsonNode> entry = node.properties().iterator().next();
			return switch (entry.getKey()) {
				case "and" -> new Filter.And(list(entry.getValue(), depth, "and"));
				case "or" -> new Filter.Or(list(entry.getValue(), depth, "or"));
				default -> new Filter.Not(filter(entry.getValue(), depth + 1));
			};
		}
		return condition(node);
	}

	private List<Filter> list(JsonNode node, int depth, String group) {
		if (!node.isArray() || node.isEmpty()) {
			throw malformed("'" + group + "' needs a non-empty array of filters");
		}
		List<Filter> filters = new ArrayList<>();
		for (JsonNode child : node) {
			filters.add(filter(child, depth + 1));
		}
		return filters;
	}

	private Filter condition(JsonNode node) {
		for (String name : node.propertyNames()) {
			if (!name.equals("field") && !name.equals("op") && !name.equals("value") && !name.equals("values")) {
				throw malformed("unknown property '" + QuotedInput.of(name) + "'; a condition has field, op and value or values");
			}
		}
		String field = text(node, "field");
		String operator = text(node, "op");
		if (node.has("value") && node.has("values")) {
			throw malformed("a condition has value or values, not both");
		}
		List<Object> values = new ArrayList<>();
		if (node.has("value")) {
			values.add(scalar(node.get("value")));
		}
		else if (node.has("values")) {
			JsonNode array = node.get("values");
			if (!array.isArray()) {
				throw malformed("'values' must be an array");
			}
			if (array.size() > this.limits.maxInValues()) {
				throw new SearchLimitExceededException("max-in-values", this.limits.maxInValues(), array.size());
			}
			for (JsonNode value : array) {
				values.add(scalar(value));
			}
		}
		if (++this.conditions > this.limits.maxConditions()) {
			throw new SearchLimitExceededException("max-conditions", this.limits.maxConditions(), this.conditions);
		}
		return new Filter.Condition(field, operator, values);
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || !value.isString() || value.asString().isEmpty()) {
			throw malformed("a condition needs '" + name + "' as a non-empty string");
		}
		return value.asString();
	}

	private static String scalar(JsonNode value) {
		if (value.isNull()) {
			throw malformed("null is not a value; use the is_null operator");
		}
		if (value.isArray()) {
			throw malformed("an array is not a single value; use 'values'");
		}
		return value.isObject() ? value.toString() : value.asString();
	}

	/**
	 * What Jackson found wrong, without its internals: the text before its location notes
	 * ({@code [Source: ...]}, {@code (start marker at ...)}) and its hints about its own features,
	 * bounded like any quoted input since Jackson quotes the offending token.
	 */
	private static String reason(JacksonException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		int end = message.length();
		for (String internal : new String[] { "\n", " (start marker", "[Source", " (for ", "; line:" }) {
			int at = message.indexOf(internal);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		String reason = message.substring(0, end).strip();
		return reason.isEmpty() ? "not valid JSON" : "not valid JSON: " + QuotedInput.of(reason);
	}

	private static MalformedFilterException malformed(String reason) {
		return new MalformedFilterException(FORM, -1, reason);
	}

}
