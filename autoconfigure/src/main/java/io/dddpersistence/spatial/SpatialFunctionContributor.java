package io.dddpersistence.spatial;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.BasicTypeRegistry;
import org.hibernate.type.StandardBasicTypes;

import io.dddpersistence.vendor.DatabaseVendor;

/**
 * Registers the functions {@link SpatialSpecifications} call ({@code ddd_knn_distance},
 * {@code ddd_within_units}, {@code ddd_within_metres}), each rendered in the SQL of the database
 * Hibernate talks to (see {@link SpatialSql}). The Criteria API has no way to write an operator
 * such as PostGIS's {@code <->} of its own. On other databases nothing is registered, and a
 * spatial column fails start-up in {@link SpatialMappingContributor}.
 */
public final class SpatialFunctionContributor implements FunctionContributor {

	@Override
	public void contributeFunctions(FunctionContributions contributions) {
		BasicTypeRegistry types = contributions.getTypeConfiguration().getBasicTypeRegistry();
		DatabaseVendor.find(contributions.getDialect())
			.map(SpatialSql::of)
			.ifPresent((sql) -> sql.registerFunctions(contributions.getFunctionRegistry(),
					types.resolve(StandardBasicTypes.DOUBLE), types.resolve(StandardBasicTypes.BOOLEAN)));
	}

}
