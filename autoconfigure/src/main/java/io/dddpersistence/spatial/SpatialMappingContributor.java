package io.dddpersistence.spatial;

import java.lang.reflect.Field;
import java.util.List;

import org.hibernate.boot.ResourceStreamLocator;
import org.hibernate.boot.spi.AdditionalMappingContributions;
import org.hibernate.boot.spi.AdditionalMappingContributor;
import org.hibernate.boot.spi.InFlightMetadataCollector;
import org.hibernate.boot.spi.MetadataBuildingContext;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;

import org.springframework.util.ClassUtils;

import io.dddpersistence.entity.ConstraintNames;
import io.dddpersistence.vendor.DatabaseVendor;

/**
 * Types every {@link SpatialColumn} as {@code geometry(<type>,<srid>)} in the schema (PostGIS and
 * H2 read the same type) and adds its spatial index {@code ix_<table>_<column>}: GIST on PostgreSQL,
 * H2's R-tree {@code spatial index} on H2. Invalid declarations fail start-up here, naming the
 * entity and the field.
 */
public final class SpatialMappingContributor implements AdditionalMappingContributor {

	@Override
	public String getContributorName() {
		return "ddd-persistence-spatial";
	}

	@Override
	public void contribute(AdditionalMappingContributions contributions, InFlightMetadataCollector metadata,
			ResourceStreamLocator resourceStreamLocator, MetadataBuildingContext buildingContext) {
		// A build-time mapping (AOT processing) gets the column types and the checks, not the indexes.
		boolean buildTime = DatabaseVendor.isBuildTimeMapping(metadata.getDatabase().getDialect());
		SpatialSql sql = null;
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> type = entity.getMappedClass();
			if (type == null) {
				continue;
			}
			for (Field field : SpatialFields.of(type)) {
				SpatialColumn declared = field.getAnnotation(SpatialColumn.class);
				Column column = (Column) entity.getProperty(field.getName()).getValue().getSelectables().get(0);
				column.setSqlType(SpatialFields.sqlType(declared));
				if (buildTime) {
					continue;
				}
				if (sql == null) {
					sql = sqlFor(metadata, type, field);
				}
				String table = entity.getTable().getName();
				contributions.contributeAuxiliaryDatabaseObject(sql.index(entity.getTable(),
						ConstraintNames.index(table, List.of(column.getName())), column.getName()));
			}
		}
	}

	private static SpatialSql sqlFor(InFlightMetadataCollector metadata, Class<?> type, Field field) {
		DatabaseVendor vendor = DatabaseVendor.of(metadata.getDatabase().getDialect(),
				"@SpatialColumn " + type.getName() + "." + field.getName());
		if (vendor == DatabaseVendor.H2
				&& !ClassUtils.isPresent(SpatialSql.H2Gis.H2GIS_FUNCTIONS, SpatialMappingContributor.class.getClassLoader())) {
			throw new IllegalStateException("@SpatialColumn " + type.getName() + "." + field.getName()
					+ " needs H2GIS on H2 for its spatial functions: add org.orbisgis:h2gis (2.2.4 or later, built for "
					+ "the H2 you use) to the class path.");
		}
		return SpatialSql.of(vendor);
	}

}
