package io.dddpersistence.tenant;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.engine.spi.FilterDefinition;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.ManyToOne;
import org.hibernate.mapping.OneToMany;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.Value;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.type.BasicTypeRegistry;

import io.dddpersistence.entity.ConstraintNames;
import io.dddpersistence.entity.TraitIndexes;
import io.dddpersistence.entity.UniqueAmongActive;
import io.dddpersistence.vendor.DatabaseVendor;

/**
 * Adds a tenant filter per level to every tenant-scoped entity and every collection of them:
 * enabled in every session, applied to loads by key, its parameter supplied from the
 * {@link TenantScope} at query time. With row-level security on (Hibernate setting
 * {@value #ROW_LEVEL_SECURITY}), also adds the policy DDL to the schema export.
 */
public final class TenantMappingContributor implements AdditionalMappingContributor {

	/** The Hibernate setting the auto-configuration passes row-level security through. */
	public static final String ROW_LEVEL_SECURITY = "ddd.persistence.tenant.row-level-security";

	@Override
	public String getContributorName() {
		return "ddd-persistence-tenant";
	}

	@Override
	public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
			ResourceStreamLocator resourceStreamLocator, MetadataBuildingContext buildingContext) {
		Map<String, Map<String, String>> conditionsByEntity = new HashMap<>();
		// each level's tenant id type, and the entity that first declared it
		Map<String, Field> levels = new LinkedHashMap<>();
		// A build-time mapping (AOT processing) has no database for the policies and not the application's
		// naming strategy for the column checks: both wait for the run-time mapping.
		boolean buildTime = DatabaseVendor.isBuildTimeMapping(metadata.getDatabase().getDialect());
		boolean rowLevelSecurity = Boolean.parseBoolean(String.valueOf(buildingContext.getBootstrapContext()
			.getConfigurationService()
			.getSettings()
			.getOrDefault(ROW_LEVEL_SECURITY, "false"))) && !buildTime;
		if (rowLevelSecurity) {
			requireRowLevelSecurity(metadata);
		}
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> type = entity.getMappedClass();
			if (type == null || !TenantTraits.of(type).isTenantScoped()) {
				continue;
			}
			Map<String, String> conditions = new HashMap<>();
			List<String> policy = new ArrayList<>();
			List<String> tenantColumns = new ArrayList<>();
			for (Field field : TenantTraits.of(type).fields()) {
				String level = TenantTraits.level(field);
				String column = ((Column) entity.getProperty(field.getName()).getValue().getSelectables().get(0)).getName();
				tenantColumns.add(column);
				addTenantIndex(entity, column);
				conditions.put(level, column + " = :tenant");
				policy.add(column + " = " + TenantTraits.settingExpression(field.getType(), level));
				entity.addFilter(TenantTraits.filterName(level), column + " = :tenant", true, Map.of(), Map.of());
				Field first = levels.putIfAbsent(level, field);
				if (first != null && first.getType() != field.getType()) {
					throw new IllegalStateException("Tenant level '" + level + "' holds "
							+ first.getType().getSimpleName() + " ids in " + first.getDeclaringClass().getName() + "."
							+ first.getName() + " but " + field.getType().getSimpleName() + " ids in "
							+ field.getDeclaringClass().getName() + "." + field.getName()
							+ "; one level has one tenant id type: give the columns the same type, or each its own level.");
				}
			}
			if (!buildTime) {
				requireTenantInUniqueGroups(type, tenantColumns);
			}
			conditionsByEntity.put(entity.getEntityName(), conditions);
			if (rowLevelSecurity) {
				contributions.contributeAuxiliaryDatabaseObject(new RowLevelSecurityDdl(entity.getTable(), policy));
			}
		}
		if (levels.isEmpty()) {
			return;
		}
		BasicTypeRegistry types = buildingContext.getBootstrapContext().getTypeConfiguration().getBasicTypeRegistry();
		levels.forEach((level, field) -> {
			JdbcMapping type = types.getRegisteredType(field.getType());
			metadata.addFilterDefinition(new FilterDefinition(TenantTraits.filterName(level), null, true, true,
					Map.of("tenant", type), Map.of("tenant", new TenantParameter(level, field.getType()))));
		});
		for (Collection collection : metadata.getCollectionBindings()) {
			filterCollection(collection, conditionsByEntity);
		}
	}

	/*
	 * Every read of a tenant entity names its tenant, so each tenant column is indexed; on an
	 * archivable entity together with the archive column as mapped, so that one index range serves
	 * a tenant's active rows (the default reads) and its archived ones (onlyArchived).
	 */
	private static void addTenantIndex(PersistentClass entity, String tenantColumn) {
		Table table = entity.getTable();
		Column tenant = table.getColumn(Identifier.toIdentifier(tenantColumn));
		if (tenant == null) {
			return;
		}
		List<Column> columns = new ArrayList<>();
		columns.add(tenant);
		Column archive = TraitIndexes.archiveColumnOf(entity);
		if (archive != null) {
			columns.add(archive);
		}
		String name = ConstraintNames.index(table.getName(), columns.stream().map(Column::getName).toList());
		if (table.getIndex(name) == null) {
			Index index = table.getOrCreateIndex(name);
			columns.forEach(index::addColumn);
		}
	}

	private static void filterCollection(Collection collection, Map<String, Map<String, String>> conditionsByEntity) {
		Value element = collection.getElement();
		if (element instanceof OneToMany oneToMany && conditionsByEntity.containsKey(oneToMany.getReferencedEntityName())) {
			conditionsByEntity.get(oneToMany.getReferencedEntityName())
				.forEach((level, condition) -> collection.addFilter(TenantTraits.filterName(level), condition, true,
						Map.of(), Map.of()));
		}
		else if (element instanceof ManyToOne manyToMany
				&& conditionsByEntity.containsKey(manyToMany.getReferencedEntityName())) {
			conditionsByEntity.get(manyToMany.getReferencedEntityName())
				.forEach((level, condition) -> collection.addManyToManyFilter(TenantTraits.filterName(level), condition,
						true, Map.of(), Map.of()));
		}
	}

	/**
	 * A unique-among-active group of a tenant entity without its tenant column would make values
	 * unique across tenants, and the duplicate-value error would tell one tenant what another holds.
	 */
	private static void requireTenantInUniqueGroups(Class<?> type, List<String> tenantColumns) {
		for (UniqueAmongActive group : type.getAnnotationsByType(UniqueAmongActive.class)) {
			if (group.acrossTenants()) {
				continue;
			}
			List<String> declared = Arrays.stream(group.value()).map((name) -> name.toLowerCase(Locale.ROOT)).toList();
			List<String> missing = tenantColumns.stream()
				.filter((column) -> !declared.contains(column.toLowerCase(Locale.ROOT)))
				.toList();
			if (!missing.isEmpty()) {
				List<String> perTenant = new ArrayList<>(missing);
				perTenant.addAll(Arrays.asList(group.value()));
				throw new IllegalStateException("Tenant entity " + type.getName() + " declares @UniqueAmongActive("
						+ quoted(Arrays.asList(group.value())) + ") without its tenant column " + missing
						+ ": the values would be unique across tenants, and a duplicate would tell one tenant that "
						+ "another holds the value. Make the group unique per tenant, @UniqueAmongActive("
						+ quoted(perTenant) + "), or declare acrossTenants = true if it is meant to be unique "
						+ "across all tenants.");
			}
		}
	}

	private static String quoted(List<String> columns) {
		return "{" + String.join(", ", columns.stream().map((column) -> "\"" + column + "\"").toList()) + "}";
	}

	/** Row-level security is PostgreSQL's; elsewhere the filters would be the only wall, so refuse. */
	private static void requireRowLevelSecurity(InFlightMetadataCollector metadata) {
		if (DatabaseVendor.of(metadata.getDatabase().getDialect(), ROW_LEVEL_SECURITY + "=true") != DatabaseVendor.POSTGRESQL) {
			throw new IllegalStateException(ROW_LEVEL_SECURITY + "=true needs PostgreSQL's row-level security, which "
					+ metadata.getDatabase().getDialect().getClass().getSimpleName() + " does not have. Turn it off "
					+ "for this database (the tenant filters and checks still isolate tenants), or use PostgreSQL.");
		}
	}

}
