package io.dddpersistence.patch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A merge patch was refused before anything was written (HTTP 400): its body is not a JSON object
 * ({@code malformed-patch}), it names a property the entity does not have ({@code unknown-field}) or
 * may not be written ({@code field-not-writable}), or a value does not convert
 * ({@code invalid-value}). The facts name the entity and the field.
 */
public class InvalidPatchException extends InvalidDataAccessApiUsageException {

	private final String code;

	private final Map<String, Object> facts;

	InvalidPatchException(String code, String message, @Nullable Object... namesAndValues) {
		super(message);
		this.code = code;
		Map<String, Object> facts = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				facts.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
			}
		}
		this.facts = Collections.unmodifiableMap(facts);
	}

	/** A stable, kebab-case name of what went wrong, such as {@code field-not-writable}. */
	public String getCode() {
		return this.code;
	}

	/** The facts of the refusal by name ({@code entity}, {@code field}, {@code reason}, {@code expected}). */
	public Map<String, Object> getFacts() {
		return this.facts;
	}

}
