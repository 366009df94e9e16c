package io.dddpersistence.spatial;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

/**
 * Registers {@code ddd_knn_distance(a, b)}, rendered as PostGIS's index-assisted distance
 * operator {@code a <-> b}, so that nearest-first ordering from a specification uses the GIST
 * index. The Criteria API has no way to write an operator of its own.
 */
public final class SpatialFunctionContributor implements FunctionContributor {

	static final String KNN_DISTANCE = "ddd_knn_distance";

	@Override
	public void contributeFunctions(FunctionContributions contributions) {
		BasicType<Double> type = contributions.getTypeConfiguration()
			.getBasicTypeRegistry()
			.resolve(StandardBasicTypes.DOUBLE);
		contributions.getFunctionRegistry().registerPattern(KNN_DISTANCE, "(?1 <-> ?2)", type);
	}

}
