package io.dddpersistence.migration;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Where one capability's tables are: a database schema ({@code ddd.persistence.<capability>.schema.name},
 * or none: the connection's search path) and the prefix of their names
 * ({@code ddd.persistence.<capability>.schema.table-prefix}, {@code ddd_} by default).
 * <p>
 * The library's statements and scripts are written with the default names ({@code ddd_outbox_message},
 * {@code pk_ddd_outbox_message}, ...). {@link #sql} turns a statement into one on the configured tables,
 * {@link #script} a migration script into one that creates them. With the defaults both give back
 * the text they were given, so the scripts' Flyway checksums, and the statements, are those of a
 * library without the setting.
 */
public final class LibraryTables {

	/** The prefix of the names the library's statements and scripts are written with. */
	public static final String DEFAULT_PREFIX = "ddd_";

	/** The tables in the connection's default schema, named with the default prefix. */
	public static final LibraryTables DEFAULT = new LibraryTables(null, DEFAULT_PREFIX);

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	// a whole identifier written with the default prefix, not part of a qualified name or of a longer word
	private static final Pattern TABLE = Pattern.compile("(?<![A-Za-z0-9_.\"])" + DEFAULT_PREFIX + "([a-z0-9_]+)");

	// statements vary little (constants, and a few built per batch size): beyond this, rename uncached
	private static final int CACHED = 512;

	private final @Nullable String schema;

	private final String prefix;

	private final Map<String, String> renamed = new ConcurrentHashMap<>();

	private LibraryTables(@Nullable String schema, String prefix) {
		this.schema = schema;
		this.prefix = prefix;
	}

	/**
	 * Tables in {@code schema} (null or empty: the connection's default), named with {@code prefix}.
	 * @param property the property that configures them, named when a value is refused
	 * @throws IllegalArgumentException when the schema or prefix is not a plain SQL identifier
	 */
	public static LibraryTables of(@Nullable String schema, @Nullable String prefix, String property) {
		String name = (schema == null || schema.isBlank()) ? null : schema.strip();
		String start = (prefix == null) ? DEFAULT_PREFIX : prefix.strip();
		if (name != null && !IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException(property + ".name must be a plain SQL identifier (letters, digits and _, "
					+ "not starting with a digit), was '" + schema + "'");
		}
		if (!start.isEmpty() && !IDENTIFIER.matcher(start).matches()) {
			throw new IllegalArgumentException(property + ".table-prefix must be empty or a plain SQL identifier "
					+ "(letters, digits and _, not starting with a digit), was '" + prefix + "'");
		}
		if (name == null && DEFAULT_PREFIX.equals(start)) {
			return DEFAULT;
		}
		return new LibraryTables((name != null) ? name.toLowerCase(Locale.ROOT) : null,
				start.toLowerCase(Locale.ROOT));
	}

	/**
	 * These tables, or, when no schema is configured, the same in the schema the application's
	 * Flyway migrates into ({@code spring.flyway.default-schema}, else the first of
	 * {@code spring.flyway.schemas}): where the library's scripts, which follow the application's
	 * Flyway, create them.
	 */
	public LibraryTables following(ListableBeanFactory beans) {
		if (this.schema != null) {
			return this;
		}
		String schema = ApplicationFlyway.defaultSchema(beans);
		if (schema == null) {
			return this;
		}
		if (!IDENTIFIER.matcher(schema).matches()) {
			throw new IllegalStateException("The application's Flyway migrates into the schema '" + schema
					+ "', which the library's statements cannot name unquoted: set the schema of its tables "
					+ "(ddd.persistence.<capability>.schema.name) to a plain SQL identifier");
		}
		return new LibraryTables(schema.toLowerCase(Locale.ROOT), this.prefix);
	}

	/** The schema the tables are in, or null for the connection's default schema. */
	public @Nullable String schema() {
		return this.schema;
	}

	/** The prefix of the tables' names. */
	public String prefix() {
		return this.prefix;
	}

	/** Whether these are the default tables: no schema, the default prefix. */
	public boolean isDefault() {
		return this == DEFAULT;
	}

	/** A table's (or constraint's) name without schema: {@code outbox_message} gives {@code ddd_outbox_message}. */
	public String name(String unprefixed) {
		return this.prefix + unprefixed;
	}

	/** A table's name as statements refer to it, schema-qualified when a schema is configured. */
	public String qualified(String unprefixed) {
		return (this.schema != null) ? this.schema + "." + name(unprefixed) : name(unprefixed);
	}

	/**
	 * The statement {@code sql}, written with the default names, on these tables: each identifier
	 * that starts with {@code ddd_} (tables, their identity sequences) is renamed and qualified.
	 */
	public String sql(String sql) {
		if (isDefault()) {
			return sql;
		}
		String done = this.renamed.get(sql);
		if (done == null) {
			done = rename(sql);
			if (this.renamed.size() < CACHED) {
				this.renamed.put(sql, done);
			}
		}
		return done;
	}

	/**
	 * A migration script written with the default names, creating these tables instead: every
	 * {@code ddd_} in a name becomes the prefix (tables, indexes, constraints, functions); the schema
	 * is not written, Flyway runs the script in it.
	 */
	public String script(String script) {
		if (DEFAULT_PREFIX.equals(this.prefix)) {
			return script;
		}
		return script.replace(DEFAULT_PREFIX, this.prefix);
	}

	private String rename(String sql) {
		Matcher matcher = TABLE.matcher(sql);
		StringBuilder out = new StringBuilder(sql.length() + 16);
		while (matcher.find()) {
			String unprefixed = matcher.group(1);
			matcher.appendReplacement(out, Matcher.quoteReplacement(qualified(unprefixed)));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	@Override
	public String toString() {
		return (this.schema != null) ? this.schema + "." + this.prefix + "*" : this.prefix + "*";
	}

}
