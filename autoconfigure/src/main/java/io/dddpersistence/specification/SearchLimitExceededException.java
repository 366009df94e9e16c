package io.dddpersistence.specification;

import java.util.Map;

/**
 * A search goes over a configured limit (nesting depth, number of conditions, IN-list size, path
 * depth, page size, filter length). Names the limit's property, its value and what was asked. A page
 * too large is the subclass {@link PageSizeExceededException}.
 */
public class SearchLimitExceededException extends InvalidSearchException {

	public SearchLimitExceededException(String limit, long maximum, long actual) {
		super("limit-exceeded", "Search exceeds the limit " + limit + " = " + maximum + " (got " + actual + ").",
				facts("limit", limit, "maximum", maximum, "actual", actual));
	}

	SearchLimitExceededException(String message, Map<String, ?> facts) {
		super("limit-exceeded", message, facts);
	}

}
