package io.dddpersistence.entity;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.hibernate.boot.model.relational.AbstractAuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.mapping.Table;

/**
 * An index for H2 that Hibernate's own {@code Index} cannot express: a spatial index, or a unique
 * index among active rows, which H2 (having no partial indexes) builds over the declared columns
 * plus a generated marker column that is NULL for archived rows. The marker column is added by the
 * same object, right before the index, so the two cannot be created out of order.
 */
public final class H2IndexDdl extends AbstractAuxiliaryDatabaseObject {

	private final Table table;

	private final String name;

	private final String kind;

	private final List<String> columns;

	private final @Nullable String markerColumn;

	private final @Nullable String markerExpression;

	private H2IndexDdl(Table table, String name, String kind, List<String> columns, @Nullable String markerColumn,
			@Nullable String markerExpression) {
		this.table = table;
		this.name = name;
		this.kind = kind;
		this.columns = List.copyOf(columns);
		this.markerColumn = markerColumn;
		this.markerExpression = markerExpression;
	}

	/** A plain index over the columns. */
	public static H2IndexDdl plain(Table table, String name, List<String> columns) {
		return new H2IndexDdl(table, name, "", columns, null, null);
	}

	/** A spatial (R-tree) index over a geometry column. */
	public static H2IndexDdl spatial(Table table, String name, String column) {
		return new H2IndexDdl(table, name, "spatial ", List.of(column), null, null);
	}

	static H2IndexDdl uniqueAmongActive(Table table, String name, List<String> columns, String markerExpression,
			String markerColumn) {
		return new H2IndexDdl(table, name, "unique ", columns, markerColumn, markerExpression);
	}

	@Override
	public boolean appliesToDialect(Dialect dialect) {
		return dialect instanceof H2Dialect;
	}

	@Override
	public String[] sqlCreateStrings(SqlStringGenerationContext context) {
		String qualified = context.format(this.table.getQualifiedTableName());
		List<String> statements = new ArrayList<>();
		List<String> indexed = new ArrayList<>(this.columns);
		if (this.markerColumn != null) {
			statements.add("alter table " + qualified + " add column if not exists " + this.markerColumn
					+ " boolean generated always as (" + this.markerExpression + ")");
			indexed.add(this.markerColumn);
		}
		statements.add("create " + this.kind + "index if not exists " + this.name + " on " + qualified + " ("
				+ String.join(", ", indexed) + ")");
		return statements.toArray(String[]::new);
	}

	@Override
	public String[] sqlDropStrings(SqlStringGenerationContext context) {
		return new String[] { "drop index if exists " + this.name };
	}

}
