package io.dddpersistence.repository;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A search asked for more rows per page than {@code ddd.persistence.repository.max-page-size}
 * allows. Ask for a smaller page, or read large results with {@link SearchResult#stream()}. A
 * {@code DataAccessException}, so Spring Data's exception translation lets it through unchanged.
 */
public class PageSizeExceededException extends InvalidDataAccessApiUsageException {

	private final int requested;

	private final int maximum;

	public PageSizeExceededException(int requested, int maximum) {
		super("A page of " + requested + " rows was requested, but at most " + maximum
				+ " are allowed (ddd.persistence.repository.max-page-size); ask for a smaller page or stream the result");
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
