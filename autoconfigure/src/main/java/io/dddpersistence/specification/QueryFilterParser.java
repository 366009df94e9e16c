package io.dddpersistence.specification;

import java.util.ArrayList;
import java.util.List;

import io.dddpersistence.error.QuotedInput;

/**
 * Reads the query-string form of a filter (already percent-decoded):
 *
 * <pre>
 * filter    = list
 * list      = expr *( "," expr )                  ; several at the top mean "and"
 * expr      = group / condition
 * group     = ( "and" / "or" ) "(" list ")" / "not" "(" expr ")"
 * condition = path ":" operator [ ":" values ]
 * path      = name *( "." name )                  ; name = [A-Za-z_][A-Za-z0-9_]*
 * values    = value *( "|" value )
 * value     = quoted / bare                       ; bare: no " , ) | outside balanced (), [], {}; trimmed
 * quoted    = DQUOTE *( char / "\" DQUOTE / "\\" ) DQUOTE
 * </pre>
 *
 * A recursive-descent parser that checks the nesting depth, the number of conditions and the number
 * of values as it goes, so that hostile input is refused before it costs stack or memory.
 */
final class QueryFilterParser {

	private static final String FORM = "query-string";

	private final String text;

	private final SearchProperties limits;

	private int position;

	private int conditions;

	private QueryFilterParser(String text, SearchProperties limits) {
		this.text = text;
		this.limits = limits;
	}

	static Filter parse(String text, SearchProperties limits) {
		if (text.length() > limits.maxFilterLength()) {
			throw new SearchLimitExceededException("max-filter-length", limits.maxFilterLength(), text.length());
		}
		QueryFilterParser parser = new QueryFilterParser(text, limits);
		List<Filter> filters = parser.list(0);
		parser.skipSpaces();
		if (parser.position < text.length()) {
			throw parser.error("unexpected '" + QuotedInput.of(text.charAt(parser.position)) + "'");
		}
		return (filters.size() == 1) ? filters.get(0) : new Filter.And(filters);
	}

	private List<Filter> list(int groups) {
		List<Filter> filters = new ArrayList<>();
		filters.add(expression(groups));
		skipSpaces();
		while (peek() == ',') {
			this.position++;
			filters.add(expression(groups));
			skipSpaces();
		}
		return filters;
	}

	private Filter expression(int groups) {
		skipSpaces();
		int start = this.position;
		String name = name("a field name or and/or/not");
		skipSpaces();
		if (peek() == '(') {
			return group(name, start, groups);
		}
		return condition(start, name);
	}

	private Filter group(String keyword, int start, int groups) {
		String kind = keyword.toLowerCase(java.util.Locale.ROOT);
		if (!kind.equals("and") && !kind.equals("or") && !kind.equals("not")) {
			this.position = start;
			throw error("expected and(, or( or not( but found '" + QuotedInput.of(keyword) + "('");
		}
		// a group's conditions sit one level deeper than the group itself
		if (groups + 2 > this.limits.maxDepth()) {
			throw new SearchLimitExceededException("max-depth", this.limits.maxDepth(), groups + 2);
		}
		this.position++;
		Filter group;
		if (kind.equals("not")) {
			group = new Filter.Not(expression(groups + 1));
		}
		else {
			List<Filter> filters = list(groups + 1);
			group = kind.equals("and") ? new Filter.And(filters) : new Filter.Or(filters);
		}
		skipSpaces();
		expect(')');
		return group;
	}

	private Filter condition(int start, String firstSegment) {
		StringBuilder path = new StringBuilder(firstSegment);
		while (peek() == '.') {
			this.position++;
			path.append('.').append(name("a field name after '.'"));
		}
		expect(':');
		String operator = name("an operator");
		List<Object> values = new ArrayList<>();
		if (peek() == ':') {
			this.position++;
			values.add(value());
			while (peek() == '|') {
				this.position++;
				values.add(value());
				if (values.size() > this.limits.maxInValues()) {
					throw new SearchLimitExceededException("max-in-values", this.limits.maxInValues(), values.size());
				}
			}
		}
		if (++this.conditions > this.limits.maxConditions()) {
			throw new SearchLimitExceededException("max-conditions", this.limits.maxConditions(), this.conditions);
		}
		return new Filter.Condition(path.toString(), operator, values);
	}

	private String value() {
		if (peek() == '"') {
			return quoted();
		}
		int start = this.position;
		int parentheses = 0;
		while (this.position < this.text.length()) {
			char ch = this.text.charAt(this.position);
			if (parentheses == 0 && (ch == '"' || ch == ',' || ch == ')' || ch == ']' || ch == '}' || ch == '|')) {
				break;
			}
			parentheses += (ch == '(' || ch == '[' || ch == '{') ? 1 : (ch == ')' || ch == ']' || ch == '}') ? -1 : 0;
			this.position++;
		}
		if (parentheses > 0) {
			throw error("a value has an unclosed bracket");
		}
		// spaces around a bare value are layout; quote the value to keep them
		return this.text.substring(start, this.position).strip();
	}

	private String quoted() {
		int start = this.position++;
		StringBuilder value = new StringBuilder();
		while (this.position < this.text.length()) {
			char ch = this.text.charAt(this.position++);
			if (ch == '"') {
				return value.toString();
			}
			if (ch == '\\') {
				if (this.position >= this.text.length()) {
					break;
				}
				char escaped = this.text.charAt(this.position++);
				if (escaped != '"' && escaped != '\\') {
					this.position--;
					throw error("only \\\" and \\\\ may be escaped in a quoted value");
				}
				value.append(escaped);
			}
			else {
				value.append(ch);
			}
		}
		this.position = start;
		throw error("quoted value is not closed");
	}

	private String name(String expected) {
		int start = this.position;
		if (this.position < this.text.length() && isNameStart(this.text.charAt(this.position))) {
			this.position++;
			while (this.position < this.text.length() && isNamePart(this.text.charAt(this.position))) {
				this.position++;
			}
		}
		if (start == this.position) {
			throw error("expected " + expected + ((this.position < this.text.length())
					? " but found '" + QuotedInput.of(this.text.charAt(this.position)) + "'" : " but the filter ended"));
		}
		return this.text.substring(start, this.position);
	}

	private static boolean isNameStart(char ch) {
		return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
	}

	private static boolean isNamePart(char ch) {
		return isNameStart(ch) || (ch >= '0' && ch <= '9');
	}

	private void expect(char expected) {
		if (peek() != expected) {
			throw error("expected '" + expected + "'" + ((this.position < this.text.length())
					? " but found '" + QuotedInput.of(this.text.charAt(this.position)) + "'" : " but the filter ended"));
		}
		this.position++;
	}

	private char peek() {
		return (this.position < this.text.length()) ? this.text.charAt(this.position) : '\0';
	}

	private void skipSpaces() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private MalformedFilterException error(String reason) {
		return new MalformedFilterException(FORM, this.position, reason);
	}

}
