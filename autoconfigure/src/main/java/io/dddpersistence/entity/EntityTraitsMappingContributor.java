package io.dddpersistence.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.engine.spi.FilterDefinition;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.Value;

import io.dddpersistence.vendor.DatabaseVendor;

/**
 * Adds what the entity traits need to Hibernate's mapping, after Hibernate has bound the entities
 * and before it builds the session factory: the archive filters on archivable entities and on
 * every collection of them, the {@code updated_at} and archive indexes, the partial indexes and
 * the unique-among-active indexes. A declaration that names an unknown column fails here, at
 * start-up, naming the entity and the column. Registered as a Java service, so any Hibernate
 * bootstrap with the library on the class path gets the same mapping.
 */
public final class EntityTraitsMappingContributor implements AdditionalMappingContributor {

	@Override
	public String getContributorName() {
		return "ddd-persistence-entity-traits";
	}

	@Override
	public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
			ResourceStreamLocator resourceStreamLocator, MetadataBuildingContext buildingContext) {
		Map<String, String> activeConditions = new java.util.HashMap<>();
		Map<String, String> archivedConditions = new java.util.HashMap<>();
		// A build-time mapping (AOT processing) gets the filters only: it has no database for the vendor
		// DDL, and not the application's naming strategy, so column checks wait for the run-time mapping.
		boolean buildTime = DatabaseVendor.isBuildTimeMapping(metadata.getDatabase().getDialect());
		TraitIndexSql sql = null;
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> type = entity.getMappedClass();
			if (type == null) {
				continue;
			}
			EntityTraits traits = EntityTraits.of(type);
			Table table = entity.getTable();
			if (traits.isAudited()) {
				addIndex(table, columnOf(entity, traits.auditAttribute(), "updatedAt"));
			}
			if (traits.isArchivable()) {
				String column = columnOf(entity, traits.archiveAttribute(),
						traits.archiveColumnAttribute()).getName();
				String active = traits.usesArchiveTimestamp() ? column + " is null" : column + " = false";
				String archived = traits.usesArchiveTimestamp() ? column + " is not null" : column + " = true";
				activeConditions.put(entity.getEntityName(), active);
				archivedConditions.put(entity.getEntityName(), archived);
				entity.addFilter(TraitFilters.ACTIVE, active, true, Map.of(), Map.of());
				entity.addFilter(TraitFilters.ARCHIVED, archived, true, Map.of(), Map.of());
				if (buildTime) {
					continue;
				}
				if (sql == null) {
					sql = TraitIndexSql.of(DatabaseVendor.of(metadata.getDatabase().getDialect(), "archivable entity "
							+ type.getName() + " (its partial and unique-among-active indexes)"));
				}
				addArchiveIndexes(contributions, sql, entity, traits, table, column, active, archived);
			}
			else if (!traits.uniqueAmongActive().isEmpty()) {
				throw new IllegalStateException("Entity " + type.getName()
						+ " declares @UniqueAmongActive but is not archivable: add an ArchiveState or DeletedFlag field, "
						+ "or use a plain unique constraint.");
			}
		}
		if (activeConditions.isEmpty()) {
			return;
		}
		metadata.addFilterDefinition(new FilterDefinition(TraitFilters.ACTIVE, null, true, true, Map.of(), Map.of()));
		metadata.addFilterDefinition(new FilterDefinition(TraitFilters.ARCHIVED, null, false, true, Map.of(), Map.of()));
		for (Collection collection : metadata.getCollectionBindings()) {
			filterCollection(collection, activeConditions, archivedConditions);
		}
	}

	private static void addArchiveIndexes(AdditionalMappingContributions contributions, TraitIndexSql sql,
			PersistentClass entity, EntityTraits traits, Table table, String column, String active, String archived) {
		String tableName = table.getName();
		addIndex(table, table.getColumn(org.hibernate.boot.model.naming.Identifier.toIdentifier(column)));
		contributions.contributeAuxiliaryDatabaseObject(sql.filteredIndex(table,
				ConstraintNames.name("ix", tableName, List.of("archivable", "active")), column, active));
		contributions.contributeAuxiliaryDatabaseObject(sql.filteredIndex(table,
				ConstraintNames.name("ix", tableName, List.of("archivable", "archived")), column, archived));
		for (UniqueAmongActive group : traits.uniqueAmongActive()) {
			List<String> columns = new ArrayList<>();
			for (String declared : group.value()) {
				columns.add(requireColumn(entity, table, declared));
			}
			List<String> parts = new ArrayList<>();
			parts.add("archivable");
			parts.addAll(columns);
			contributions.contributeAuxiliaryDatabaseObject(
					sql.uniqueAmongActive(table, ConstraintNames.name("uq", tableName, parts), columns, active));
		}
	}

	private static String requireColumn(PersistentClass entity, Table table, String declared) {
		for (Column column : table.getColumns()) {
			if (column.getName().equalsIgnoreCase(declared)) {
				return column.getName();
			}
		}
		throw new IllegalStateException("Entity " + entity.getClassName() + " declares @UniqueAmongActive column '"
				+ declared + "', but its table " + table.getName() + " has no such column (columns: "
				+ table.getColumns().stream().map(Column::getName).toList() + ").");
	}

	private static void addIndex(Table table, @Nullable Column column) {
		if (column == null) {
			return;
		}
		String name = ConstraintNames.index(table.getName(), List.of(column.getName()));
		if (table.getIndex(name) == null) {
			table.getOrCreateIndex(name).addColumn(column);
		}
	}

	static Column columnOf(PersistentClass entity, @Nullable String embedded, String attribute) {
		Property property = entity.getProperty(embedded);
		Component component = (Component) property.getValue();
		Value value = component.getProperty(attribute).getValue();
		Selectable selectable = value.getSelectables().get(0);
		return (Column) selectable;
	}

	private static void filterCollection(Collection collection, Map<String, String> active,
			Map<String, String> archived) {
		Value element = collection.getElement();
		if (element instanceof OneToMany oneToMany) {
			String target = oneToMany.getReferencedEntityName();
			if (active.containsKey(target)) {
				collection.addFilter(TraitFilters.ACTIVE, active.get(target), true, Map.of(), Map.of());
				collection.addFilter(TraitFilters.ARCHIVED, archived.get(target), true, Map.of(), Map.of());
			}
		}
		else if (element instanceof ManyToOne manyToMany) {
			String target = manyToMany.getReferencedEntityName();
			if (active.containsKey(target)) {
				collection.addManyToManyFilter(TraitFilters.ACTIVE, active.get(target), true, Map.of(), Map.of());
				collection.addManyToManyFilter(TraitFilters.ARCHIVED, archived.get(target), true, Map.of(), Map.of());
			}
		}
	}

}
