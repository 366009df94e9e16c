package io.dddpersistence.specification;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operators a search language knows, by name: the standard ones, the spatial ones when Hibernate
 * Spatial is present, and your own {@link SearchOperator} beans (which replace a standard operator of
 * the same name). Immutable.
 */
public final class OperatorRegistry {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	private final Map<String, SearchOperator> operators;

	private OperatorRegistry(Map<String, SearchOperator> operators) {
		this.operators = Collections.unmodifiableMap(operators);
	}

	/** The standard operators (and the spatial ones when their libraries are present). */
	public static OperatorRegistry standard() {
		return new OperatorRegistry(new LinkedHashMap<>()).with(StandardOperators.all());
	}

	/** A registry with these operators added; an operator with a known name replaces the old one. */
	public OperatorRegistry with(Collection<? extends SearchOperator> additional) {
		Map<String, SearchOperator> operators = new LinkedHashMap<>(this.operators);
		for (SearchOperator operator : additional) {
			if (!NAME.matcher(operator.name()).matches()) {
				throw new IllegalArgumentException("Operator name '" + operator.name()
						+ "' must be lower-case letters, digits and underscores, starting with a letter");
			}
			if (operator.minValues() < 0 || operator.maxValues() < operator.minValues()) {
				throw new IllegalArgumentException("Operator '" + operator.name() + "' has invalid value counts "
						+ operator.minValues() + ".." + operator.maxValues());
			}
			operators.put(operator.name(), operator);
		}
		return new OperatorRegistry(operators);
	}

	/** The operator with this name, ignoring case. */
	public Optional<SearchOperator> find(String name) {
		return Optional.ofNullable(this.operators.get(name.toLowerCase(Locale.ROOT)));
	}

	public Set<String> names() {
		return this.operators.keySet();
	}

}
