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
		StringBuilder sql = new StringBuilder("create ");
		if (this.unique) {
			sql.append("unique ");
		}
		sql.append("index if not exists ").append(this.name).append(" on ")
			.append(context.format(this.table.getQualifiedTableName()));
		if (this.method != null) {
			sql.append(" using ").append(this.method);
		}
		sql.append(" (").append(String.join(", ", this.columns)).append(')');
		if (this.where != null) {
			sql.append(" where ").append(this.where);
		}
		return new String[] { sql.toString() };
	}

	@Override
	public String[] sqlDropStrings(SqlStringGenerationContext context) {
		return new String[] { "drop index if exists " + this.name };
	}

}
