package io.dddpersistence.specification;

import java.math.BigDecimal;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

import org.jspecify.annotations.Nullable;

/**
 * What PostgreSQL can hold, checked before a value is bound: Java accepts years up to a billion,
 * {@code 1e1000000}, NaN and NUL characters, and each of those would otherwise fail inside the
 * database instead of as a typed search error.
 */
final class DatabaseValues {

	/** PostgreSQL timestamps run from 4713 BC to 294276 AD. */
	private static final int MIN_YEAR = -4712;

	private static final int MAX_YEAR = 294275;

	/** Far inside the numeric type's limits, far beyond any business value. */
	private static final int MAX_DIGITS = 1000;

	private DatabaseValues() {
	}

	/** Why the value cannot be stored, or {@code null} when it can. */
	static @Nullable String problem(Object value) {
		if (value instanceof String text) {
			return (text.indexOf('\0') >= 0) ? "text without NUL characters" : null;
		}
		if (value instanceof Double number && !Double.isFinite(number)) {
			return "a finite number";
		}
		if (value instanceof Float number && !Float.isFinite(number)) {
			return "a finite number";
		}
		if (value instanceof BigDecimal number
				&& (number.precision() - number.scale() > MAX_DIGITS || number.scale() > MAX_DIGITS)) {
			return "a number of at most " + MAX_DIGITS + " digits before and after the point";
		}
		if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.YEAR)) {
			int year = temporal.get(ChronoField.YEAR);
			if (year < MIN_YEAR || year > MAX_YEAR) {
				return "a date between 4713 BC and 294275 AD";
			}
		}
		if (value instanceof java.time.Instant instant) {
			long seconds = instant.getEpochSecond();
			// the years of 4713 BC and 294275 AD, in epoch seconds
			if (seconds < -210_866_803_200L || seconds > 9_224_286_163_199L) {
				return "a date between 4713 BC and 294275 AD";
			}
		}
		return null;
	}

}
