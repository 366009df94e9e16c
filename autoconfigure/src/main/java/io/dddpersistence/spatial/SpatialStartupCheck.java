package io.dddpersistence.spatial;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.hibernate.engine.spi.SessionFactoryImplementor;

import io.dddpersistence.entity.ConstraintNames;
import io.dddpersistence.entity.DeclaredIndex;
import io.dddpersistence.entity.TraitIndexes;
import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.vendor.DatabaseVendors;

/**
 * What the spatial trait checks and prepares at start-up: the spatial index of every spatial column
 * (through the entity traits' index check), that every declared SRID exists in
 * {@code spatial_ref_sys} (PostGIS's, or H2GIS's on H2), and on H2 the H2GIS functions.
 */
final class SpatialStartupCheck {

	private SpatialStartupCheck() {
	}

	/** The spatial indexes the spatial columns of every entity declare: GIST on PostgreSQL, R-tree on H2. */
	static List<DeclaredIndex> declaredIndexes(EntityManagerFactory entityManagerFactory) {
		List<DeclaredIndex> indexes = new ArrayList<>();
		entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(
				(persister) -> {
					Class<?> type = persister.getMappedClass();
					if (type == null) {
						return;
					}
					String table = TraitIndexes.tableOf(persister);
					for (Field field : SpatialFields.of(type)) {
						String column = columnName(persister, field.getName());
						String name = ConstraintNames.index(table, List.of(column));
						indexes.add(new DeclaredIndex(type.getName(), table, name,
								SpatialSql.of(DatabaseVendor.POSTGRESQL).indexStatement(table, name, column),
								SpatialSql.of(DatabaseVendor.H2).indexStatement(table, name, column)));
					}
				});
		return indexes;
	}

	/** Fails naming the entity and field when a declared SRID is unknown to PostGIS. */
	static void verifySrids(DataSource dataSource, EntityManagerFactory entityManagerFactory, DatabaseVendors vendors) {
		SpatialSql sql = sqlFor(dataSource, vendors);
		if (sql == null) {
			return;
		}
		List<String> unknown = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(
					(persister) -> {
						Class<?> type = persister.getMappedClass();
						if (type == null) {
							return;
						}
						for (Field field : SpatialFields.of(type)) {
							int srid = field.getAnnotation(SpatialColumn.class).srid();
							if (!exists(sql, connection, srid)) {
								unknown.add(type.getName() + "." + field.getName() + " (SRID " + srid + ")");
							}
						}
					});
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not check spatial reference ids: " + ex.getMessage(), ex);
		}
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("Spatial columns declare SRIDs that the database does not know (not in spatial_ref_sys): "
					+ unknown);
		}
	}

	/**
	 * Loads what the spatial functions need into the database behind the data source, once: H2GIS's
	 * functions and the library's geodesic distance on H2; nothing on PostgreSQL, whose PostGIS is
	 * an extension the schema owner installs.
	 */
	static void prepare(DataSource dataSource, DatabaseVendors vendors) {
		SpatialSql sql = sqlFor(dataSource, vendors);
		if (sql == null) {
			return;
		}
		try (Connection connection = dataSource.getConnection()) {
			sql.prepare(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not load the spatial functions (H2GIS on H2): " + ex.getMessage(), ex);
		}
	}

	private static @Nullable SpatialSql sqlFor(DataSource dataSource, DatabaseVendors vendors) {
		// a spatial column on another database already failed while Hibernate built its mapping
		return vendors.find(dataSource).map(SpatialSql::of).orElse(null);
	}

	private static boolean exists(SpatialSql sql, Connection connection, int srid) {
		try {
			return sql.knowsSrid(connection, srid);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read spatial_ref_sys (is PostGIS, or H2GIS on H2, installed?): "
					+ ex.getMessage(), ex);
		}
	}

	private static String columnName(org.hibernate.persister.entity.EntityPersister persister, String attribute) {
		String[] columns = ((org.hibernate.persister.entity.AbstractEntityPersister) persister)
			.getPropertyColumnNames(attribute);
		return columns[0].replace("\"", "");
	}

}
