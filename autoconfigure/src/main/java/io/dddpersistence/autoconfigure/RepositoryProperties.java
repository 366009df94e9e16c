package io.dddpersistence.autoconfigure;

import io.dddpersistence.repository.RepositorySettings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the domain repositories, under {@code ddd.persistence.repository}.
 */
@ConfigurationProperties("ddd.persistence.repository")
public class RepositoryProperties {

	/** Whether repositories extending DomainRepository or MappedDomainRepository get their operations. */
	private boolean enabled = true;

	/** The largest page or keyset window a search may ask for; larger requests are refused. */
	private int maxPageSize = 1000;

	/** The page size of a search result's page() and window() when the query options name none. */
	private int defaultPageSize = 20;

	/** How many rows a search result's stream() fetches per database round trip. */
	private int streamFetchSize = 500;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxPageSize() {
		return this.maxPageSize;
	}

	public void setMaxPageSize(int maxPageSize) {
		this.maxPageSize = maxPageSize;
	}

	public int getDefaultPageSize() {
		return this.defaultPageSize;
	}

	public void setDefaultPageSize(int defaultPageSize) {
		this.defaultPageSize = defaultPageSize;
	}

	public int getStreamFetchSize() {
		return this.streamFetchSize;
	}

	public void setStreamFetchSize(int streamFetchSize) {
		this.streamFetchSize = streamFetchSize;
	}

	/** The settings repositories use, checked: a bad value fails start-up naming its property. */
	RepositorySettings toSettings() {
		requirePositive("max-page-size", this.maxPageSize);
		requirePositive("default-page-size", this.defaultPageSize);
		requirePositive("stream-fetch-size", this.streamFetchSize);
		if (this.defaultPageSize > this.maxPageSize) {
			throw new IllegalArgumentException("ddd.persistence.repository.default-page-size (" + this.defaultPageSize
					+ ") must not exceed ddd.persistence.repository.max-page-size (" + this.maxPageSize + ")");
		}
		return new RepositorySettings(this.maxPageSize, this.defaultPageSize, this.streamFetchSize);
	}

	private static void requirePositive(String property, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(
					"ddd.persistence.repository." + property + " must be at least 1, but was " + value);
		}
	}

}
