package io.dddpersistence.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

import io.dddpersistence.vendor.DatabaseVendor;

/**
 * The indexes the entity traits of every mapped entity declare: {@code ix_<table>_updated_at} for
 * audited entities, and for archivable ones the index on the archive column as mapped (renamed columns such as {@code deleted_at}
 * included), both partial indexes and every
 * unique-among-active group.
 */
public final class TraitIndexes {

	// the statements the mapping contributes on each database (EntityTraitsMappingContributor), for the check to print
	private static final TraitIndexSql POSTGRES = TraitIndexSql.of(DatabaseVendor.POSTGRESQL);

	private static final TraitIndexSql H2 = TraitIndexSql.of(DatabaseVendor.H2);

	private TraitIndexes() {
	}

	public static List<DeclaredIndex> declaredBy(EntityManagerFactory entityManagerFactory) {
		List<DeclaredIndex> indexes = new ArrayList<>();
		SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		sessionFactory.getMappingMetamodel().forEachEntityDescriptor((persister) -> {
			Class<?> type = persister.getMappedClass();
			if (type == null || persister.getEntityMetamodel().getSuperclass() != null) {
				return;
			}
			EntityTraits traits = EntityTraits.of(type);
			String table = tableOf(persister);
			if (traits.isAudited()) {
				String column = columnOf(persister, traits.auditAttribute(), "updatedAt");
				indexes.add(plain(type, table, column));
			}
			if (traits.isArchivable()) {
				String column = columnOf(persister, traits.archiveAttribute(),
						traits.archiveColumnAttribute());
				String active = traits.usesArchiveTimestamp() ? column + " is null" : column + " = false";
				String archived = traits.usesArchiveTimestamp() ? column + " is not null" : column + " = true";
				indexes.add(plain(type, table, column));
				indexes.add(filtered(type, table, ConstraintNames.name("ix", table, List.of("archivable", "active")),
						column, active));
				indexes.add(filtered(type, table, ConstraintNames.name("ix", table, List.of("archivable", "archived")),
						column, archived));
				for (UniqueAmongActive group : traits.uniqueAmongActive()) {
					List<String> columns = new ArrayList<>();
					for (String declared : group.value()) {
						columns.add(declared.toLowerCase(Locale.ROOT));
					}
					List<String> parts = new ArrayList<>();
					parts.add("archivable");
					parts.addAll(columns);
					String name = ConstraintNames.name("uq", table, parts);
					indexes.add(new DeclaredIndex(type.getName(), table, name,
							POSTGRES.uniqueAmongActiveStatement(table, name, columns, active),
							H2.uniqueAmongActiveStatement(table, name, columns, active)));
				}
			}
		});
		return indexes;
	}

	// Hibernate's own index, the same statement on every database
	private static DeclaredIndex plain(Class<?> type, String table, String column) {
		String name = ConstraintNames.index(table, List.of(column));
		String create = "create index " + name + " on " + table + " (" + column + ");";
		return new DeclaredIndex(type.getName(), table, name, create, create);
	}

	private static DeclaredIndex filtered(Class<?> type, String table, String name, String column, String where) {
		return new DeclaredIndex(type.getName(), table, name, POSTGRES.filteredIndexStatement(table, name, column, where),
				H2.filteredIndexStatement(table, name, column, where));
	}

	// the column as mapped (an @AttributeOverride such as deleted_at), named as the mapping names its index
	static String columnOf(EntityPersister persister, @Nullable String embedded, String attribute) {
		String column = columnIfMapped(persister, embedded, attribute);
		if (column == null) {
			throw new IllegalStateException(persister.getEntityName() + " maps no " + embedded + "." + attribute);
		}
		return column;
	}

	/** The column of an attribute of an embedded trait, or null when the trait's type has no such attribute. */
	static @Nullable String columnIfMapped(EntityPersister persister, @Nullable String embedded, String attribute) {
		EmbeddableValuedModelPart owner = (EmbeddableValuedModelPart) persister.findAttributeMapping(embedded);
		if (owner.getEmbeddableTypeDescriptor().findAttributeMapping(attribute) instanceof SelectableMapping column) {
			return column.getSelectionExpression().replace("\"", "");
		}
		return null;
	}

	/** The archive column of an entity being mapped, if archivable: what a mapping contributor indexes it with. */
	public static org.hibernate.mapping.@Nullable Column archiveColumnOf(PersistentClass entity) {
		Class<?> type = entity.getMappedClass();
		if (type == null || !EntityTraits.of(type).isArchivable()) {
			return null;
		}
		EntityTraits traits = EntityTraits.of(type);
		return EntityTraitsMappingContributor.columnOf(entity, traits.archiveAttribute(), traits.archiveColumnAttribute());
	}

	/** The archive column of an entity as mapped ({@code archived_at}, {@code deleted_at}, {@code is_deleted}), if archivable. */
	public static @Nullable String archiveColumnOf(EntityPersister persister) {
		Class<?> type = persister.getMappedClass();
		if (type == null) {
			return null;
		}
		EntityTraits traits = EntityTraits.of(type);
		if (!traits.isArchivable()) {
			return null;
		}
		return columnOf(persister, traits.archiveAttribute(), traits.archiveColumnAttribute());
	}

	/** The unqualified table name of an entity. */
	public static String tableOf(EntityPersister persister) {
		String table = ((AbstractEntityPersister) persister).getTableName();
		int dot = table.lastIndexOf('.');
		return ((dot >= 0) ? table.substring(dot + 1) : table).replace("\"", "");
	}

}
