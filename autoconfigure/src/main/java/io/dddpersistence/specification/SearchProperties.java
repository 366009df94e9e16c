package io.dddpersistence.specification;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Configuration of the search language: the one place where each of its limits, its default and its
 * rule are written. {@link SearchLanguage} takes this record as it is. A bad value fails at start-up
 * with a message that names the property as it is written in {@code application.yml}. The page sizes
 * are not here: one maximum and one default hold for the web and the repositories alike, see
 * {@link PageSizes}.
 *
 * @param enabled Whether the search language is set up.
 * @param maxDepth How deep and/or/not groups may nest; a plain condition has depth 1.
 * @param maxConditions How many conditions one filter may hold (also the most sort fields).
 * @param maxInValues How many values an in or not_in list may hold.
 * @param maxPathDepth How many dotted segments a field path may have.
 * @param maxPageSize Deprecated alias of ddd.persistence.repository.max-page-size; when set, it is the maximum.
 * @param defaultPageSize Deprecated alias of ddd.persistence.repository.default-page-size; when set, it is the default.
 * @param maxFilterLength The longest filter text, in characters, the parsers read.
 * @param web The web side of search.
 */
@ConfigurationProperties(SearchProperties.PREFIX)
public record SearchProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5") int maxDepth,
		@DefaultValue("20") int maxConditions, @DefaultValue("100") int maxInValues,
		@DefaultValue("3") int maxPathDepth, @Nullable Integer maxPageSize, @Nullable Integer defaultPageSize,
		@DefaultValue("4000") int maxFilterLength, @DefaultValue Web web) {

	static final String PREFIX = "ddd.persistence.search";

	/** Every setting at its default, bound from no source at all, so the defaults are written once. */
	public static final SearchProperties DEFAULTS = new Binder(new MapConfigurationPropertySource(Map.of()))
		.bindOrCreate(PREFIX, Bindable.of(SearchProperties.class));

	public SearchProperties {
		positive("max-depth", maxDepth);
		positive("max-conditions", maxConditions);
		positive("max-in-values", maxInValues);
		positive("max-path-depth", maxPathDepth);
		positive("max-filter-length", maxFilterLength);
		if (maxPageSize != null) {
			positive("max-page-size", maxPageSize);
		}
		if (defaultPageSize != null) {
			positive("default-page-size", defaultPageSize);
		}
	}

	private static void positive(String property, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(PREFIX + "." + property + " must be at least 1, but was " + value);
		}
	}

	/**
	 * The web side of search.
	 *
	 * @param enabled Whether SearchRequest controller parameters are set up in Spring MVC (problem details have their own switch, ddd.persistence.web.problem-details.enabled).
	 * @param filterParameter The request parameter holding the filter (query-string or JSON form).
	 * @param sortParameter The request parameter holding the sort, such as -created_at,name.
	 * @param pageParameter The request parameter holding the zero-based page number.
	 * @param sizeParameter The request parameter holding the page size.
	 * @param afterParameter The request parameter holding a keyset cursor.
	 */
	public record Web(@DefaultValue("true") boolean enabled, @DefaultValue("filter") String filterParameter,
			@DefaultValue("sort") String sortParameter, @DefaultValue("page") String pageParameter,
			@DefaultValue("size") String sizeParameter, @DefaultValue("after") String afterParameter) {

		public Web {
			named("filter-parameter", filterParameter);
			named("sort-parameter", sortParameter);
			named("page-parameter", pageParameter);
			named("size-parameter", sizeParameter);
			named("after-parameter", afterParameter);
		}

		private static void named(String property, String name) {
			if (name.isBlank()) {
				throw new IllegalArgumentException(PREFIX + ".web." + property + " must not be blank");
			}
		}

	}

}
