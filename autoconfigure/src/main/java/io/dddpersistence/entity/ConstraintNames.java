package io.dddpersistence.entity;

import java.util.List;
import java.util.Locale;

/**
 * The naming convention for indexes and constraints: {@code ix_<table>_<cols>},
 * {@code uq_<table>_<cols>}, {@code fk_<table>_<cols>}, shortened with a hash suffix when a name
 * would pass PostgreSQL's 63-character identifier limit.
 */
public final class ConstraintNames {

	static final int MAX_LENGTH = 63;

	private ConstraintNames() {
	}

	public static String index(String table, List<String> columns) {
		return name("ix", table, columns);
	}

	public static String unique(String table, List<String> columns) {
		return name("uq", table, columns);
	}

	public static String foreignKey(String table, List<String> columns) {
		return name("fk", table, columns);
	}

	static String name(String prefix, String table, List<String> parts) {
		String name = (prefix + "_" + unquote(table) + "_" + String.join("_", parts.stream().map(ConstraintNames::unquote).toList()))
			.toLowerCase(Locale.ROOT);
		if (name.length() <= MAX_LENGTH) {
			return name;
		}
		String hash = Integer.toHexString(name.hashCode() & 0x7fffffff);
		return name.substring(0, MAX_LENGTH - hash.length() - 1) + "_" + hash;
	}

	private static String unquote(String identifier) {
		return identifier.replace("\"", "").replace("`", "");
	}

}
