package io.dddpersistence.repository;

/**
 * The limits and batch sizes every domain repository applies.
 *
 * @param maxPageSize the largest page or window size a search may ask for
 * @param defaultPageSize the page size of {@link SearchResult#page()} and {@link SearchResult#window()}
 * when the options name none
 * @param streamFetchSize how many rows {@link SearchResult#stream()} fetches per database round trip
 */
public record RepositorySettings(int maxPageSize, int defaultPageSize, int streamFetchSize) {

	public static final RepositorySettings DEFAULTS = new RepositorySettings(1000, 20, 500);

	public RepositorySettings {
		if (maxPageSize < 1 || defaultPageSize < 1 || streamFetchSize < 1) {
			throw new IllegalArgumentException("Page sizes and the stream fetch size must be positive");
		}
		if (defaultPageSize > maxPageSize) {
			throw new IllegalArgumentException(
					"The default page size " + defaultPageSize + " exceeds the maximum page size " + maxPageSize);
		}
	}

}
