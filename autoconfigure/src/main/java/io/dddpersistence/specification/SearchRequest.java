package io.dddpersistence.specification;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;

/**
 * A checked search over one entity type: the specification of its filter, its sort and the page or
 * keyset position asked for. Made by {@link SearchLanguage#request}, or by Spring MVC for a
 * controller parameter of this type. Use it with any {@code JpaSpecificationExecutor}:
 *
 * <pre class="code">
 * Page&lt;Order&gt; page = orders.findAll(search.specification(), search.pageable());
 * Window&lt;Order&gt; window = orders.findBy(search.specification(),
 *     (q) -&gt; q.sortBy(search.sort()).limit(search.size()).scroll(search.scrollPosition()));
 * String next = search.cursorAfter(window);
 * </pre>
 */
public final class SearchRequest<T> {

	private final Class<T> entityType;

	private final @Nullable Filter filter;

	private final Specification<T> specification;

	private final Sort sort;

	private final int page;

	private final int size;

	private final @Nullable KeysetScrollPosition after;

	private final SearchLanguage language;

	SearchRequest(Class<T> entityType, @Nullable Filter filter, Specification<T> specification, Sort sort, int page,
			int size, @Nullable KeysetScrollPosition after, SearchLanguage language) {
		this.entityType = entityType;
		this.filter = filter;
		this.specification = specification;
		this.sort = sort;
		this.page = page;
		this.size = size;
		this.after = after;
		this.language = language;
	}

	public Class<T> entityType() {
		return this.entityType;
	}

	/** The filter tree, or {@code null} when the request had none. */
	public @Nullable Filter filter() {
		return this.filter;
	}

	/** The filter as a specification; unrestricted when the request had no filter. */
	public Specification<T> specification() {
		return this.specification;
	}

	/** The requested order, ending with the identifier so that pages and keysets are stable. */
	public Sort sort() {
		return this.sort;
	}

	/** The zero-based page number. */
	public int page() {
		return this.page;
	}

	/** The page size, at most the configured maximum. */
	public int size() {
		return this.size;
	}

	public Pageable pageable() {
		return PageRequest.of(this.page, this.size, this.sort);
	}

	/** Where a keyset scroll starts: after the request's cursor, or at the beginning. */
	public ScrollPosition scrollPosition() {
		return (this.after != null) ? this.after : ScrollPosition.keyset();
	}

	/** Whether the request carried an {@code after} cursor. */
	public boolean hasCursor() {
		return this.after != null;
	}

	/** The cursor to pass as {@code after} for the next window, or {@code null} when there is none. */
	public @Nullable String cursorAfter(Window<?> window) {
		if (window.isEmpty() || !window.hasNext()) {
			return null;
		}
		ScrollPosition position = window.positionAt(window.size() - 1);
		if (!(position instanceof KeysetScrollPosition keyset)) {
			throw new IllegalArgumentException("Only keyset windows have cursors; scroll with scrollPosition()");
		}
		return this.language.cursor(keyset);
	}

	@Override
	public String toString() {
		return "SearchRequest[" + this.entityType.getSimpleName() + ", filter=" + this.filter + ", sort=" + this.sort
				+ ", page=" + this.page + ", size=" + this.size + ", after=" + Objects.toString(this.after, "-") + "]";
	}

	/** The raw parameters of a search as a client sends them; any may be absent. */
	public record Parameters(@Nullable String filter, @Nullable String sort, @Nullable String page,
			@Nullable String size, @Nullable String after) {
	}

}
