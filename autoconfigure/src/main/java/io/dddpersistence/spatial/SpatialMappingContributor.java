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

import io.dddpersistence.entity.ConstraintNames;
import io.dddpersistence.entity.PostgresIndexDdl;

/**
 * Types every {@link SpatialColumn} as {@code geometry(<type>,<srid>)} in the schema and adds its
 * GIST index {@code ix_<table>_<column>}. Invalid declarations fail start-up here, naming the
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
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> type = entity.getMappedClass();
			if (type == null) {
				continue;
			}
			for (Field field : SpatialFields.of(type)) {
				SpatialColumn declared = field.getAnnotation(SpatialColumn.class);
				Column column = (Column) entity.getProperty(field.getName()).getValue().getSelectables().get(0);
				column.setSqlType(SpatialFields.sqlType(declared));
				String table = entity.getTable().getName();
				contributions.contributeAuxiliaryDatabaseObject(new PostgresIndexDdl(entity.getTable(),
						ConstraintNames.index(table, List.of(column.getName())), false, "gist",
						List.of(column.getName()), null));
			}
		}
	}

}
