package io.dddpersistence.repository;

import java.util.Map;

import io.dddpersistence.specification.PageSizes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Settings of the domain repositories, under {@code ddd.persistence.repository}: the one place where
 * each setting and its rule are written (the page-size defaults are the {@link PageSizes} constants,
 * as the search language holds web requests to the same two values). A bad value fails at start-up
 * with a message that names the property as it is written in {@code application.yml}.
 *
 * @param enabled Whether repositories extending DomainRepository or MappedDomainRepository get their operations.
 * @param maxPageSize The largest page or keyset window a search may ask for, from the web (size) or through QueryOptions; larger requests are refused with PageSizeExceededException.
 * @param defaultPageSize The page size of a search when the request or the query options name none.
 * @param streamFetchSize How many rows a search result's stream() fetches per database round trip.
 */
@ConfigurationProperties(RepositoryProperties.PREFIX)
public record RepositoryProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue(PageSizes.DEFAULT_MAX_PAGE_SIZE) int maxPageSize,
		@DefaultValue(PageSizes.DEFAULT_DEFAULT_PAGE_SIZE) int defaultPageSize,
		@DefaultValue("500") int streamFetchSize) {

	static final String PREFIX = "ddd.persistence.repository";

	/** Every setting at its default, bound from no source at all, so the defaults are written once. */
	public static final RepositoryProperties DEFAULTS = new Binder(new MapConfigurationPropertySource(Map.of()))
		.bindOrCreate(PREFIX, Bindable.of(RepositoryProperties.class));

	public RepositoryProperties {
		if (streamFetchSize < 1) {
			throw new IllegalArgumentException(
					PREFIX + ".stream-fetch-size must be at least 1, but was " + streamFetchSize);
		}
		// the page sizes are checked, with the property names, by PageSizes
		new PageSizes(maxPageSize, defaultPageSize);
	}

	/** The page sizes these settings name. */
	public PageSizes pageSizes() {
		return new PageSizes(this.maxPageSize, this.defaultPageSize);
	}

	/** These settings with other page sizes. */
	public RepositoryProperties withPageSizes(PageSizes pageSizes) {
		return new RepositoryProperties(this.enabled, pageSizes.maxPageSize(), pageSizes.defaultPageSize(),
				this.streamFetchSize);
	}

}
