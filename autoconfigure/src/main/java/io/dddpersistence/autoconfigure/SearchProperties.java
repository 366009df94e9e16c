package io.dddpersistence.autoconfigure;

import io.dddpersistence.specification.SearchLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the search language: its limits and its web parameters.
 */
@ConfigurationProperties("ddd.persistence.search")
public class SearchProperties {

	/** Whether the search language is set up. */
	private boolean enabled = true;

	/** How deep and/or/not groups may nest; a plain condition has depth 1. */
	private int maxDepth = 5;

	/** How many conditions one filter may hold (also the most sort fields). */
	private int maxConditions = 20;

	/** How many values an in or not_in list may hold. */
	private int maxInValues = 100;

	/** How many dotted segments a field path may have. */
	private int maxPathDepth = 3;

	/** The largest page size a client may ask for. */
	private int maxPageSize = 100;

	/** The page size when a client asks for none. */
	private int defaultPageSize = 20;

	/** The longest filter text, in characters, the parsers read. */
	private int maxFilterLength = 4000;

	private final Web web = new Web();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxDepth() {
		return this.maxDepth;
	}

	public void setMaxDepth(int maxDepth) {
		this.maxDepth = maxDepth;
	}

	public int getMaxConditions() {
		return this.maxConditions;
	}

	public void setMaxConditions(int maxConditions) {
		this.maxConditions = maxConditions;
	}

	public int getMaxInValues() {
		return this.maxInValues;
	}

	public void setMaxInValues(int maxInValues) {
		this.maxInValues = maxInValues;
	}

	public int getMaxPathDepth() {
		return this.maxPathDepth;
	}

	public void setMaxPathDepth(int maxPathDepth) {
		this.maxPathDepth = maxPathDepth;
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

	public int getMaxFilterLength() {
		return this.maxFilterLength;
	}

	public void setMaxFilterLength(int maxFilterLength) {
		this.maxFilterLength = maxFilterLength;
	}

	public Web getWeb() {
		return this.web;
	}

	/** The limits these properties describe; fails naming the property when one is invalid. */
	public SearchLimits toLimits() {
		try {
			return new SearchLimits(this.maxDepth, this.maxConditions, this.maxInValues, this.maxPathDepth,
					this.maxPageSize, this.defaultPageSize, this.maxFilterLength);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Invalid ddd.persistence.search.* property: "
					+ String.valueOf(ex.getMessage()).replace("maxDepth", "max-depth")
						.replace("maxConditions", "max-conditions")
						.replace("maxInValues", "max-in-values")
						.replace("maxPathDepth", "max-path-depth")
						.replace("maxPageSize", "max-page-size")
						.replace("defaultPageSize", "default-page-size")
						.replace("maxFilterLength", "max-filter-length"),
					ex);
		}
	}

	/** The web side of search. */
	public static class Web {

		/** Whether SearchRequest controller parameters are set up in Spring MVC (problem details have their own switch, ddd.persistence.web.problem-details.enabled). */
		private boolean enabled = true;

		/** The request parameter holding the filter (query-string or JSON form). */
		private String filterParameter = "filter";

		/** The request parameter holding the sort, such as -created_at,name. */
		private String sortParameter = "sort";

		/** The request parameter holding the zero-based page number. */
		private String pageParameter = "page";

		/** The request parameter holding the page size. */
		private String sizeParameter = "size";

		/** The request parameter holding a keyset cursor. */
		private String afterParameter = "after";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getFilterParameter() {
			return this.filterParameter;
		}

		public void setFilterParameter(String filterParameter) {
			this.filterParameter = filterParameter;
		}

		public String getSortParameter() {
			return this.sortParameter;
		}

		public void setSortParameter(String sortParameter) {
			this.sortParameter = sortParameter;
		}

		public String getPageParameter() {
			return this.pageParameter;
		}

		public void setPageParameter(String pageParameter) {
			this.pageParameter = pageParameter;
		}

		public String getSizeParameter() {
			return this.sizeParameter;
		}

		public void setSizeParameter(String sizeParameter) {
			this.sizeParameter = sizeParameter;
		}

		public String getAfterParameter() {
			return this.afterParameter;
		}

		public void setAfterParameter(String afterParameter) {
			this.afterParameter = afterParameter;
		}

	}

}
