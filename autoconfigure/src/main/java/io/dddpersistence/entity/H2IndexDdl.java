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

	private final Definition definition;

	private H2IndexDdl(Table table, Definition definition) {
		this.table = table;
		this.definition = definition;
	}

	/** A plain index over the columns. */
	public static H2IndexDdl plain(Table table, String name, List<String> columns) {
		return new H2IndexDdl(table, Definition.plain(name, columns));
	}

	/** A spatial (R-tree) index over a geometry column. */
	public static H2IndexDdl spatial(Table table, String name, String column) {
		return new H2IndexDdl(table, Definition.spatial(name, column));
	}

	/** The statement that creates a spatial index on the table named so, as the start-up check prints it. */
	public static String spatialStatement(String table, String name, String column) {
		return Definition.spatial(name, column).printed(table);
	}

	static H2IndexDdl uniqueAmongActive(Table table, Definition definition) {
		return new H2IndexDdl(table, definition);
	}

	@Override
	public boolean appliesToDialect(Dialect dialect) {
		return dialect instanceof H2Dialect;
	}

	@Override
	public String[] sqlCreateStrings(SqlStringGenerationContext context) {
		return this.definition.statements(context.format(this.table.getQualifiedTableName()), "if not exists ")
			.toArray(String[]::new);
	}

	@Override
	public String[] sqlDropStrings(SqlStringGenerationContext context) {
		return new String[] { "drop index if exists " + this.definition.name() };
	}

	/**
	 * An H2 index apart from the table object it belongs to, so that the schema export and the
	 * start-up check (which knows the table by name only) write the same statements.
	 */
	record Definition(String name, String kind, List<String> columns, @Nullable String markerColumn,
			@Nullable String markerExpression) {

		Definition {
			columns = List.copyOf(columns);
		}

		static Definition plain(String name, List<String> columns) {
			return new Definition(name, "", columns, null, null);
		}

		static Definition spatial(String name, String column) {
			return new Definition(name, "spatial ", List.of(column), null, null);
		}

		static Definition uniqueAmongActive(String name, List<String> columns, String markerExpression,
				String markerColumn) {
			return new Definition(name, "unique ", columns, markerColumn, markerExpression);
		}

		// the marker column is added right before the index, so that the two cannot run out of order; always
		// "if not exists", as two unique-among-active groups of one table share it
		List<String> statements(String table, String ifNotExists) {
			List<String> statements = new ArrayList<>();
			List<String> indexed = new ArrayList<>(this.columns);
			if (this.markerColumn != null) {
				statements.add("alter table " + table + " add column if not exists " + this.markerColumn
						+ " boolean generated always as (" + this.markerExpression + ")");
				indexed.add(this.markerColumn);
			}
			statements.add("create " + this.kind + "index " + ifNotExists + this.name + " on " + table + " ("
					+ String.join(", ", indexed) + ")");
			return statements;
		}

		/** The statements as the start-up check prints them: each ended by a semicolon, one a line. */
		String printed(String table) {
			return String.join("\n", statements(table, "").stream().map((statement) -> statement + ";").toList());
		}

	}

}
