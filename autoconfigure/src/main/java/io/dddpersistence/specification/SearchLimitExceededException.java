package io.dddpersistence.specification;

/**
 * A search goes over a configured limit (nesting depth, number of conditions, IN-list size, path
 * depth, page size, filter length). Names the limit's property, its value and what was asked.
 */
public class SearchLimitExceededException extends InvalidSearchException {

	public SearchLimitExceededException(String limit, long maximum, long actual) {
		super("limit-exceeded", "Search exceeds the limit " + limit + " = " + maximum + " (got " + actual + ").",
				facts("limit", limit, "maximum", maximum, "actual", actual));
	}

}
