package io.dddpersistence.specification;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The whitelist of field paths one entity may be filtered and sorted by. Declare one as a bean per
 * entity (it takes precedence over {@link Searchable}), or pass one for a single endpoint. A {@code null}
 * list keeps the entity's default for that use.
 *
 * <pre class="code">
 * &#64;Bean
 * SearchableFields orderFields() {
 *     return SearchableFields.of(Order.class).filter("status", "customer.address.city").sort("created_at");
 * }
 * </pre>
 */
public final class SearchableFields {

	private final Class<?> entityType;

	private final @Nullable Set<String> filter;

	private final @Nullable Set<String> sort;

	private SearchableFields(Class<?> entityType, @Nullable Set<String> filter, @Nullable Set<String> sort) {
		this.entityType = entityType;
		this.filter = filter;
		this.sort = sort;
	}

	/** A whitelist for the entity that starts as its default. */
	public static SearchableFields of(Class<?> entityType) {
		return new SearchableFields(entityType, null, null);
	}

	/** Only these paths may be filtered on. */
	public SearchableFields filter(String... paths) {
		return new SearchableFields(this.entityType, new LinkedHashSet<>(Arrays.asList(paths)), this.sort);
	}

	/** Only these paths may be sorted by. */
	public SearchableFields sort(String... paths) {
		return new SearchableFields(this.entityType, this.filter, new LinkedHashSet<>(Arrays.asList(paths)));
	}

	public Class<?> entityType() {
		return this.entityType;
	}

	/** The filter paths as declared, or {@code null} for the entity's default. */
	public @Nullable Set<String> filterPaths() {
		return this.filter;
	}

	/** The sort paths as declared, or {@code null} for the entity's default. */
	public @Nullable Set<String> sortPaths() {
		return this.sort;
	}

	@Override
	public String toString() {
		return "SearchableFields[" + this.entityType.getSimpleName() + ", filter=" + this.filter + ", sort="
				+ this.sort + "]";
	}

}
