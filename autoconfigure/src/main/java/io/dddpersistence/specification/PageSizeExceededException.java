package io.dddpersistence.specification;

/**
 * A search asked for more rows per page than {@code ddd.persistence.repository.max-page-size}
 * allows: the one exception for a page too large, whether a web request's {@code size} asked for it
 * ({@link SearchLanguage#request}) or repository query options did. Ask for a smaller page, or read
 * large results with the repository's {@code SearchResult.stream()}. Answered as a 400 problem with
 * the code {@code limit-exceeded} and the facts {@code limit} ({@code max-page-size}),
 * {@code parameter} ({@code size}), {@code maximum} and {@code actual}. A
 * {@code DataAccessException}, so Spring Data's exception translation lets it through unchanged.
 */
public class PageSizeExceededException extends SearchLimitExceededException {

	private final int requested;

	private final int maximum;

	public PageSizeExceededException(int requested, int maximum) {
		super("A page of " + requested + " rows was requested, but at most " + maximum
				+ " are allowed (ddd.persistence.repository.max-page-size); ask for a smaller page or stream the result.",
				facts("limit", "max-page-size", "parameter", "size", "maximum", maximum, "actual", requested));
		this.requested = requested;
		this.maximum = maximum;
	}

	public int getRequested() {
		return this.requested;
	}

	public int getMaximum() {
		return this.maximum;
	}

}
