package io.dddpersistence.entity;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.hibernate.boot.model.relational.AbstractAuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.mapping.Table;

/**
 * An index Hibernate's own {@code Index} cannot express (partial, or with an access method such
 * as GIST), added to the schema export as an auxiliary object so that {@code ddl-auto} and schema
 * scripts contain it. PostgreSQL only; other vendors get their own equivalents.
 */
public final class PostgresIndexDdl extends AbstractAuxiliaryDatabaseObject {

	private final Table table;

	private final String name;

	private final boolean unique;

	private final @Nullable String method;

	private final List<String> columns;

	private final @Nullable String where;

	public PostgresIndexDdl(Table table, String name, boolean unique, @Nullable String method, List<String> columns,
			@Nullable String where) {
		this.table = table;
		this.name = name;
		this.unique = unique;
		this.method = method;
		this.columns = List.copyOf(columns);
		this.where = where;
	}

	/** The index name, as the start-up check looks it up in {@code pg_indexes}. */
	public String name() {
		return this.name;
	}

	/** The table the index belongs to. */
	public Table table() {
		return this.table;
	}

	@Override
	public boolean appliesToDialect(Dialect dialect) {
		return dialect instanceof PostgreSQLDialect;
	}

	@Override
	public String[] sqlCreateStrings(SqlStringGenerationContext context) {
		return new String[] { statement(context.format(this.table.getQualifiedTableName()), this.name, this.unique,
				this.method, this.columns, this.where, "if not exists ") };
	}

	/**
	 * The statement that creates such an index on the table named so, as the start-up check prints
	 * it: what the schema export runs, without its {@code if not exists}.
	 */
	public static String printed(String table, String name, boolean unique, @Nullable String method,
			List<String> columns, @Nullable String where) {
		return statement(table, name, unique, method, columns, where, "") + ";";
	}

	private static String statement(String table, String name, boolean unique, @Nullable String method,
			List<String> columns, @Nullable String where, String ifNotExists) {
		StringBuilder sql = new StringBuilder("create ");
		if (unique) {
			sql.append("unique ");
		}
		sql.append("index ").append(ifNotExists).append(name).append(" on ").append(table);
		if (method != null) {
			sql.append(" using ").append(method);
		}
		sql.append(" (").append(String.join(", ", columns)).append(')');
		if (where != null) {
			sql.append(" where ").append(where);
		}
		return sql.toString();
	}

	@Override
	public String[] sqlDropStrings(SqlStringGenerationContext context) {
		return new String[] { "drop index if exists " + this.name };
	}

}
