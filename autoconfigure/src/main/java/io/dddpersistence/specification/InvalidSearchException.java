package io.dddpersistence.specification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A search (filter, sort or page) was rejected before any SQL was built. Subclasses carry the facts
 * (field, operator, value, limit) that a web layer returns as problem-detail properties (HTTP 400).
 */
public abstract class InvalidSearchException extends InvalidDataAccessApiUsageException {

	private final String code;

	private final Map<String, Object> facts;

	protected InvalidSearchException(String code, String message, Map<String, ?> facts) {
		super(message);
		this.code = code;
		this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
	}

	/** A stable, kebab-case name of what went wrong, such as {@code unknown-field}. */
	public String getCode() {
		return this.code;
	}

	/** The facts of the error by name, such as {@code field} and {@code operator}. */
	public Map<String, Object> getFacts() {
		return this.facts;
	}

	static Map<String, Object> facts(@Nullable Object... namesAndValues) {
		Map<String, Object> facts = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			@Nullable Object value = namesAndValues[i + 1];
			if (value != null) {
				facts.put(String.valueOf(namesAndValues[i]), value);
			}
		}
		return facts;
	}

}
