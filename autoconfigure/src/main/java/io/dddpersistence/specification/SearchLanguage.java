package io.dddpersistence.specification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The search language of one persistence unit: parses filters and sorts, checks them against each
 * entity's whitelist, the {@link SearchProperties} limits and the {@link PageSizes}, and compiles them to Spring Data JPA
 * specifications. Every bad input fails with an {@link InvalidSearchException} before any SQL is
 * built. Thread-safe; all of its state is its own.
 *
 * <pre class="code">
 * Specification&lt;Order&gt; spec = search.specification(Order.class, "status:eq:pending,total:gte:10");
 * List&lt;Order&gt; orders = repository.findAll(spec, search.sort(Order.class, "-created_at"));
 * </pre>
 */
public final class SearchLanguage {

	private static final boolean JACKSON_PRESENT = ClassUtils.isPresent("tools.jackson.databind.JsonNode",
			SearchLanguage.class.getClassLoader());

	private static final Pattern SORT_FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

	private final Metamodel metamodel;

	private final OperatorRegistry operators;

	private final ConversionService conversions;

	private final SearchProperties limits;

	private final PageSizes pageSizes;

	private final Map<Class<?>, EntityFields> fields = new ConcurrentHashMap<>();

	private final Map<Class<?>, SearchableFields> declared = new HashMap<>();

	/**
	 * A search language over a metamodel. Whitelists declared as {@link SearchableFields} and with
	 * {@link Searchable} are checked now, so a whitelist naming a missing or sensitive field fails at
	 * start-up.
	 */
	public SearchLanguage(Metamodel metamodel, OperatorRegistry operators, ConversionService conversions,
			SearchProperties limits, PageSizes pageSizes, Collection<SearchableFields> whitelists) {
		this.metamodel = metamodel;
		this.operators = operators;
		this.conversions = conversions;
		this.limits = limits;
		this.pageSizes = pageSizes;
		for (SearchableFields whitelist : whitelists) {
			if (this.declared.put(whitelist.entityType(), whitelist) != null) {
				throw new IllegalStateException("Two SearchableFields beans for " + whitelist.entityType().getName());
			}
		}
		for (EntityType<?> entity : metamodel.getEntities()) {
			if (entity.getJavaType() != null) {
				fields(entity.getJavaType());
			}
		}
	}

	/** A search language with the standard operators, conversions, limits and page sizes, and default whitelists. */
	public SearchLanguage(Metamodel metamodel) {
		this(metamodel, OperatorRegistry.standard(), new SearchConversionService(), SearchProperties.DEFAULTS,
				PageSizes.DEFAULTS, List.of());
	}

	/** The limits every filter and sort is checked against. */
	public SearchProperties limits() {
		return this.limits;
	}

	/** The largest and default {@code size} of a request. */
	public PageSizes pageSizes() {
		return this.pageSizes;
	}

	/** Parses a filter in either form: JSON when it starts with {@code &#123;} or {@code [}, else the query-string form. */
	public Filter parse(String text) {
		String trimmed = text.trim();
		if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
			return parseJson(trimmed);
		}
		return parseQuery(text);
	}

	/** Parses the query-string form (see docs/search.md), already percent-decoded. */
	public Filter parseQuery(String text) {
		if (!StringUtils.hasText(text)) {
			throw new MalformedFilterException("query-string", 0, "the filter is empty");
		}
		return QueryFilterParser.parse(text, this.limits);
	}

	/** Parses the JSON form (see docs/search.md); needs Jackson 3. */
	public Filter parseJson(String json) {
		if (!JACKSON_PRESENT) {
			throw new IllegalStateException("The JSON filter form needs Jackson 3 (tools.jackson.core:jackson-databind)");
		}
		return JsonFilterParser.parse(json, this.limits);
	}

	/**
	 * Checks a whitelist now, as the search language does for the ones it was created with: fails with
	 * an {@code IllegalStateException} when it names a missing or sensitive field.
	 */
	public void checkWhitelist(SearchableFields whitelist) {
		fields(whitelist.entityType(), whitelist);
	}

	public <T> Specification<T> specification(Class<T> entityType, String filter) {
		return specification(entityType, parse(filter), null);
	}

	public <T> Specification<T> specification(Class<T> entityType, Filter filter) {
		return specification(entityType, filter, null);
	}

	/**
	 * Checks the filter completely and compiles it; {@code endpoint} narrows the entity's whitelist
	 * for one use.
	 */
	public <T> Specification<T> specification(Class<T> entityType, Filter filter,
			@Nullable SearchableFields endpoint) {
		CheckedFilter checked = new FilterCompiler(fields(entityType, endpoint), this.operators, this.conversions,
				this.limits)
			.compile(filter);
		return new CompiledSpecification<>(checked, filter.toString());
	}

	public Sort sort(Class<?> entityType, String sort) {
		return sort(entityType, sort, null);
	}

	/**
	 * Reads a sort such as {@code -created_at,name}: comma-separated fields, {@code -} for descending,
	 * through to-one associations only.
	 */
	public Sort sort(Class<?> entityType, String sort, @Nullable SearchableFields endpoint) {
		EntityFields fields = fields(entityType, endpoint);
		List<Sort.Order> orders = new ArrayList<>();
		for (String part : sort.split(",", -1)) {
			String field = part.trim();
			boolean descending = field.startsWith("-");
			if (descending || field.startsWith("+")) {
				field = field.substring(1).trim();
			}
			if (!SORT_FIELD.matcher(field).matches()) {
				throw new InvalidSortException(part, "expected a field name, optionally with a leading '-'");
			}
			if (orders.size() >= this.limits.maxConditions()) {
				throw new SearchLimitExceededException("max-conditions", this.limits.maxConditions(), orders.size() + 1);
			}
			FieldPath path = fields.resolve(field);
			if (path.crossesCollection()) {
				throw new InvalidSortException(field, "it goes through a to-many association, which has many values per row");
			}
			if (path.last().kind() != FieldPath.Kind.BASIC) {
				throw new InvalidSortException(field, "it is an association or embeddable, not a value");
			}
			if (!fields.sortable().contains(path.name())) {
				throw new FieldNotAllowedException(fields.entityName(), field, FieldNotAllowedException.FieldUse.SORT,
						fields.sortable());
			}
			orders.add(descending ? Sort.Order.desc(path.name()) : Sort.Order.asc(path.name()));
		}
		return Sort.by(orders);
	}

	/** Checks all of a client's search parameters and makes a request of them. */
	public <T> SearchRequest<T> request(Class<T> entityType, SearchRequest.Parameters parameters,
			@Nullable SearchableFields endpoint) {
		int size = number("size", parameters.size(), this.pageSizes.defaultPageSize());
		if (size < 1) {
			throw new InvalidPageException("size", String.valueOf(size), "a page holds at least one row");
		}
		this.pageSizes.check(size);
		int page = number("page", parameters.page(), 0);
		if (page < 0) {
			throw new InvalidPageException("page", String.valueOf(page), "pages are numbered from 0");
		}
		if ((long) page * size > Integer.MAX_VALUE) {
			throw new InvalidPageException("page", String.valueOf(page), "the offset is too large; use 'after'");
		}
		Filter filter = StringUtils.hasText(parameters.filter()) ? parse(parameters.filter()) : null;
		Specification<T> specification = (filter != null) ? specification(entityType, filter, endpoint)
				: Specification.unrestricted();
		Sort sort = StringUtils.hasText(parameters.sort()) ? sort(entityType, parameters.sort(), endpoint)
				: Sort.unsorted();
		sort = withIdentifier(entityType, sort);
		KeysetScrollPosition after = null;
		if (StringUtils.hasText(parameters.after())) {
			if (StringUtils.hasText(parameters.page())) {
				throw new InvalidPageException("after", parameters.after(), "use either 'page' or 'after', not both");
			}
			after = keyset(entityType, parameters.after(), sort);
			specification = specification.and(seek(sort, after));
		}
		return new SearchRequest<>(entityType, filter, specification, sort, page, size, after, this);
	}

	/** The cursor string of a keyset position, for the {@code after} parameter. */
	public String cursor(KeysetScrollPosition position) {
		return SearchCursor.encode(position, (value) -> {
			// java.time values print ISO-8601 from toString(), which is what the converters read back
			String text = this.conversions.canConvert(value.getClass(), String.class)
					? this.conversions.convert(value, String.class) : null;
			return (text != null) ? text : value.toString();
		});
	}

	private KeysetScrollPosition keyset(Class<?> entityType, String cursor, Sort sort) {
		List<String> properties = sort.stream().map(Sort.Order::getProperty).toList();
		Map<String, @Nullable String> keys = SearchCursor.decode(cursor, properties);
		EntityFields fields = fields(entityType);
		Map<String, Object> values = new LinkedHashMap<>();
		for (Map.Entry<String, @Nullable String> key : keys.entrySet()) {
			Class<?> type = fields.resolve(key.getKey()).type();
			Object value;
			try {
				value = (key.getValue() != null) ? this.conversions.convert(key.getValue(), type) : null;
			}
			catch (ConversionException | IllegalArgumentException ex) {
				throw SearchCursor.invalid(cursor, "its value for " + key.getKey() + " is not a " + type.getSimpleName());
			}
			if (value != null && DatabaseValues.problem(value) != null) {
				throw SearchCursor.invalid(cursor, "its value for " + key.getKey() + " is out of range");
			}
			values.put(key.getKey(), value);
		}
		return SearchCursor.position(values);
	}

	private static <T> Specification<T> seek(Sort sort, KeysetScrollPosition after) {
		if (sort.isUnsorted()) {
			return Specification.unrestricted();
		}
		Sort.Order first = sort.iterator().next();
		Object value = after.getKeys().get(first.getProperty());
		if (first.getProperty().contains(".") || !(value instanceof Comparable<?> comparable)) {
			return Specification.unrestricted();
		}
		return new KeysetSeek<>(first.getProperty(), comparable, first.isAscending());
	}

	private Sort withIdentifier(Class<?> entityType, Sort sort) {
		String id = fields(entityType).idAttribute();
		if (id == null || sort.getOrderFor(id) != null) {
			return sort;
		}
		return sort.and(Sort.by(id));
	}

	private static int number(String parameter, @Nullable String text, int absent) {
		if (!StringUtils.hasText(text)) {
			return absent;
		}
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidPageException(parameter, text, "expected a whole number");
		}
	}

	private EntityFields fields(Class<?> entityType, @Nullable SearchableFields endpoint) {
		EntityFields fields = fields(entityType);
		return (endpoint != null) ? fields.narrowedTo(endpoint) : fields;
	}

	private EntityFields fields(Class<?> entityType) {
		return this.fields.computeIfAbsent(entityType, (type) -> new EntityFields(
				EntityFields.entityType(this.metamodel, type), this.declared.get(type), this.limits.maxPathDepth()));
	}

}
