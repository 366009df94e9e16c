package io.dddpersistence.spatial;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;

import io.dddpersistence.entity.ConstraintNames;
import io.dddpersistence.entity.DeclaredIndex;
import io.dddpersistence.entity.TraitIndexes;

/**
 * What the spatial trait checks at start-up: the GIST index of every spatial column (through the
 * entity traits' index check) and that every declared SRID exists in PostGIS's
 * {@code spatial_ref_sys}.
 */
public final class SpatialStartupCheck {

	private SpatialStartupCheck() {
	}

	/** The GIST indexes the spatial columns of every entity declare. */
	public static List<DeclaredIndex> declaredIndexes(EntityManagerFactory entityManagerFactory) {
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
						indexes.add(new DeclaredIndex(type.getName(), table, ConstraintNames.index(table, List.of(column))));
					}
				});
		return indexes;
	}

	/** Fails naming the entity and field when a declared SRID is unknown to PostGIS. */
	public static void verifySrids(DataSource dataSource, EntityManagerFactory entityManagerFactory) {
		List<String> unknown = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
				return;
			}
			entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(
					(persister) -> {
						Class<?> type = persister.getMappedClass();
						if (type == null) {
							return;
						}
						for (Field field : SpatialFields.of(type)) {
							int srid = field.getAnnotation(SpatialColumn.class).srid();
							if (!exists(connection, srid)) {
								unknown.add(type.getName() + "." + field.getName() + " (SRID " + srid + ")");
							}
						}
					});
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not check spatial reference ids: " + ex.getMessage(), ex);
		}
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("Spatial columns declare SRIDs that PostGIS does not know (not in spatial_ref_sys): "
					+ unknown);
		}
	}

	private static boolean exists(Connection connection, int srid) {
		try (PreparedStatement statement = connection.prepareStatement("select 1 from spatial_ref_sys where srid = ?")) {
			statement.setInt(1, srid);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read spatial_ref_sys (is PostGIS installed?): " + ex.getMessage(), ex);
		}
	}

	private static String columnName(org.hibernate.persister.entity.EntityPersister persister, String attribute) {
		String[] columns = ((org.hibernate.persister.entity.AbstractEntityPersister) persister)
			.getPropertyColumnNames(attribute);
		return columns[0].replace("\"", "");
	}

}
