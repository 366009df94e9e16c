package io.dddpersistence.entity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;

import org.springframework.beans.factory.SmartInitializingSingleton;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.vendor.DatabaseVendors;

/**
 * Checks at start-up that the columns the traits map (audit times and actors, the archive's, the
 * version) are in the tables that exist, so that a table adopted from an existing schema without
 * them fails at start-up, with the statements that add them, rather than at its first query. With
 * {@code ddl-auto=validate} Hibernate checks every column already; this check also runs with
 * {@code none}, the usual setting beside Flyway. {@link SchemaFindings} says
 * whether a missing column fails start-up, is logged, goes into the migration script, or is not looked for.
 */
final class TraitColumnCheck implements SmartInitializingSingleton {

	private static final String TIMESTAMP = "timestamp(6) with time zone";

	private static final String ACTOR = "varchar(255)";

	private final EntityManagerFactory entityManagerFactory;

	private final DataSource dataSource;

	private final DatabaseVendors vendors;

	private final SchemaFindings findings;

	TraitColumnCheck(EntityManagerFactory entityManagerFactory, DataSource dataSource, DatabaseVendors vendors,
			SchemaFindings findings) {
		this.entityManagerFactory = entityManagerFactory;
		this.dataSource = dataSource;
		this.vendors = vendors;
		this.findings = findings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.findings.wanted()) {
			return;
		}
		Optional<DatabaseVendor> vendor = this.vendors.find(this.dataSource);
		if (vendor.isEmpty()) {
			return;
		}
		List<String> missing = new ArrayList<>();
		List<String> statements = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection(); PreparedStatement statement = connection
			.prepareStatement(TraitIndexSql.of(vendor.get()).presentColumnsQuery())) {
			for (Expected table : expected()) {
				Set<String> present = columns(statement, table.table());
				// a table that is not there is the mapping's problem (validate, or the first query), not this check's
				if (present.isEmpty()) {
					continue;
				}
				for (Column column : table.columns()) {
					if (!present.contains(column.name().toLowerCase(Locale.ROOT))) {
						String add = "alter table " + table.table() + " add column " + column.name() + " " + column.type()
								+ ";";
						missing.add(table.table() + "." + column.name() + " (" + table.entity() + ", " + column.trait()
								+ "): " + add);
						statements.add(add);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not check the entity trait columns: " + ex.getMessage(), ex);
		}
		if (missing.isEmpty()) {
			return;
		}
		this.findings.missing(SchemaFindings.Section.COLUMNS,
				"columns the entity traits map (fill a new not-null column of an existing table first: docs/migration.md)",
				statements,
				"Columns mapped by entity traits are missing from the database:\n  " + String.join("\n  ", missing)
						+ "\nAdd them to your migrations (docs/migration.md shows how to fill a new not-null column of "
						+ "an existing table), or set ddd.persistence.entity.index-check=warn or off.");
	}

	private static Set<String> columns(PreparedStatement statement, String table) throws SQLException {
		Set<String> columns = new HashSet<>();
		statement.setString(1, table);
		try (ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
			}
		}
		return columns;
	}

	private List<Expected> expected() {
		List<Expected> tables = new ArrayList<>();
		this.entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
			.forEachEntityDescriptor((persister) -> {
				Class<?> type = persister.getMappedClass();
				if (type == null || persister.getEntityMetamodel().getSuperclass() != null) {
					return;
				}
				EntityTraits traits = EntityTraits.of(type);
				List<Column> columns = new ArrayList<>();
				if (traits.isAudited()) {
					add(columns, persister, traits.auditAttribute(), "createdAt", TIMESTAMP, "audit");
					add(columns, persister, traits.auditAttribute(), "updatedAt", TIMESTAMP, "audit");
					add(columns, persister, traits.auditAttribute(), "createdBy", ACTOR, "audit");
					add(columns, persister, traits.auditAttribute(), "updatedBy", ACTOR, "audit");
				}
				if (traits.isArchivable() && traits.usesArchiveTimestamp()) {
					add(columns, persister, traits.archiveAttribute(), "archivedAt", TIMESTAMP, "archive");
					add(columns, persister, traits.archiveAttribute(), "archivedBy", ACTOR, "archive");
				}
				else if (traits.isArchivable()) {
					add(columns, persister, traits.archiveAttribute(), "deleted", "boolean not null default false",
							"archive");
				}
				if (persister.isVersioned()) {
					String version = persister.getVersionMapping().getVersionAttribute().getSelectionExpression()
						.replace("\"", "");
					columns.add(new Column(version, versionType(persister), "version"));
				}
				if (!columns.isEmpty()) {
					tables.add(new Expected(type.getName(), TraitIndexes.tableOf(persister), columns));
				}
			});
		return tables;
	}

	private static void add(List<Column> columns, EntityPersister persister, @Nullable String embedded,
			String attribute, String type, String trait) {
		String column = TraitIndexes.columnIfMapped(persister, embedded, attribute);
		if (column != null) {
			columns.add(new Column(column, type, trait));
		}
	}

	private static String versionType(EntityPersister persister) {
		Class<?> type = persister.getVersionMapping().getJavaType().getJavaTypeClass();
		if (type == Integer.class || type == int.class) {
			return "integer not null default 0";
		}
		if (type == Short.class || type == short.class) {
			return "smallint not null default 0";
		}
		if (type == Long.class || type == long.class) {
			return "bigint not null default 0";
		}
		return TIMESTAMP;
	}

	private record Expected(String entity, String table, List<Column> columns) {
	}

	private record Column(String name, String type, String trait) {
	}

}
