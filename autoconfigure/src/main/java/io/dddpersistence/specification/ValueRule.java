package io.dddpersistence.specification;

import org.jspecify.annotations.Nullable;

/**
 * What an operator requires of a converted value beyond its type, such as a distance of zero or
 * more; checked with the other values before any SQL is built.
 */
interface ValueRule {

	/** Why the value at {@code index} cannot be used, or {@code null} when it can. */
	@Nullable String problem(int index, Object value);

}
