package io.dddpersistence.specification;

/**
 * The limits every search is checked against before any SQL is built. Instances are immutable; each
 * {@link SearchLanguage} has its own.
 *
 * @param maxDepth how deep {@code and}/{@code or}/{@code not} groups may nest (a plain condition is depth 1)
 * @param maxConditions how many conditions one filter may hold
 * @param maxInValues how many values an {@code in} or {@code not_in} list may hold
 * @param maxPathDepth how many dotted segments a field path may have ({@code customer.address.city} is 3)
 * @param maxPageSize the largest page size a caller may ask for
 * @param defaultPageSize the page size when the caller asks for none
 * @param maxFilterLength the longest filter text, in characters, that the parsers read
 */
public record SearchLimits(int maxDepth, int maxConditions, int maxInValues, int maxPathDepth, int maxPageSize,
		int defaultPageSize, int maxFilterLength) {

	/** The defaults the {@code ddd.persistence.search.*} properties also use. */
	public static final SearchLimits DEFAULTS = new SearchLimits(5, 20, 100, 3, 100, 20, 4000);

	public SearchLimits {
		positive("maxDepth", maxDepth);
		positive("maxConditions", maxConditions);
		positive("maxInValues", maxInValues);
		positive("maxPathDepth", maxPathDepth);
		positive("maxPageSize", maxPageSize);
		positive("defaultPageSize", defaultPageSize);
		positive("maxFilterLength", maxFilterLength);
		if (defaultPageSize > maxPageSize) {
			throw new IllegalArgumentException(
					"defaultPageSize (" + defaultPageSize + ") must not exceed maxPageSize (" + maxPageSize + ")");
		}
	}

	private static void positive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be at least 1, but was " + value);
		}
	}

}
