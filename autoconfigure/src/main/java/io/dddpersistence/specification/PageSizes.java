package io.dddpersistence.specification;

/**
 * The one largest and one default page size, held alike by web searches ({@link SearchLanguage})
 * and repository searches: {@code ddd.persistence.repository.max-page-size} and
 * {@code ddd.persistence.repository.default-page-size}, or their deprecated aliases under
 * {@code ddd.persistence.search}. A size above the maximum fails with {@link PageSizeExceededException}
 * whichever path asked for it. Made by the repository configuration from its properties, whose
 * defaults are the constants here.
 *
 * @param maxPageSize the largest page or keyset window a search may ask for
 * @param defaultPageSize the page size when a search names none
 */
public record PageSizes(int maxPageSize, int defaultPageSize) {

	/** The default of {@code ddd.persistence.repository.max-page-size}: a safe size for web pages. */
	public static final String DEFAULT_MAX_PAGE_SIZE = "100";

	/** The default of {@code ddd.persistence.repository.default-page-size}. */
	public static final String DEFAULT_DEFAULT_PAGE_SIZE = "20";

	/** The defaults of both. */
	public static final PageSizes DEFAULTS = new PageSizes(Integer.parseInt(DEFAULT_MAX_PAGE_SIZE),
			Integer.parseInt(DEFAULT_DEFAULT_PAGE_SIZE));

	public PageSizes {
		if (maxPageSize < 1) {
			throw new IllegalArgumentException(
					"ddd.persistence.repository.max-page-size must be at least 1, but was " + maxPageSize);
		}
		if (defaultPageSize < 1) {
			throw new IllegalArgumentException(
					"ddd.persistence.repository.default-page-size must be at least 1, but was " + defaultPageSize);
		}
		if (defaultPageSize > maxPageSize) {
			throw new IllegalArgumentException("ddd.persistence.repository.default-page-size (" + defaultPageSize
					+ ") must not exceed ddd.persistence.repository.max-page-size (" + maxPageSize + ")");
		}
	}

	/** Fails with {@link PageSizeExceededException} when the size is above the maximum. */
	public void check(int size) {
		if (size > this.maxPageSize) {
			throw new PageSizeExceededException(size, this.maxPageSize);
		}
	}

}
