package io.dddpersistence.tenant;

import java.util.List;

import org.hibernate.boot.model.relational.AbstractAuxiliaryDatabaseObject;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.mapping.Table;

/**
 * The row-level security policy of one tenant-scoped table: rows are visible and writable only
 * when every tenant column equals the tenant the library set on the connection for the
 * transaction. Forced, so the table owner is bound too (superusers still bypass it).
 */
final class RowLevelSecurityDdl extends AbstractAuxiliaryDatabaseObject {

	static final String POLICY = "ddd_tenant_isolation";

	private final Table table;

	private final List<String> conditions;

	RowLevelSecurityDdl(Table table, List<String> conditions) {
		this.table = table;
		this.conditions = List.copyOf(conditions);
	}

	@Override
	public boolean appliesToDialect(Dialect dialect) {
		return dialect instanceof PostgreSQLDialect;
	}

	@Override
	public String[] sqlCreateStrings(SqlStringGenerationContext context) {
		return statements(context.format(this.table.getQualifiedTableName()), this.conditions);
	}

	static String[] statements(String table, List<String> conditions) {
		String check = String.join(" and ", conditions);
		return new String[] { "alter table " + table + " enable row level security",
				"alter table " + table + " force row level security",
				"drop policy if exists " + POLICY + " on " + table,
				"create policy " + POLICY + " on " + table + " using (" + check + ") with check (" + check + ")" };
	}

	@Override
	public String[] sqlDropStrings(SqlStringGenerationContext context) {
		return new String[] { "drop policy if exists " + POLICY + " on "
				+ context.format(this.table.getQualifiedTableName()) };
	}

}
