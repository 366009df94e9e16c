package io.dddpersistence.tenant;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;

import io.dddpersistence.entity.TraitIndexes;

/** The tables of the tenant-scoped entities as mapped, for the start-up checks. */
final class TenantTables {

	private TenantTables() {
	}

	static List<Table> of(EntityManagerFactory entityManagerFactory) {
		List<Table> tables = new ArrayList<>();
		entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel()
			.forEachEntityDescriptor((persister) -> {
				Class<?> type = persister.getMappedClass();
				if (type == null || persister.getEntityMetamodel().getSuperclass() != null
						|| !TenantTraits.of(type).isTenantScoped()) {
					return;
				}
				List<Column> columns = new ArrayList<>();
				for (Field field : TenantTraits.of(type).fields()) {
					columns.add(new Column(((AbstractEntityPersister) persister).getPropertyColumnNames(field.getName())[0],
							TenantTraits.level(field), field.getType()));
				}
				tables.add(new Table(type.getName(), TraitIndexes.tableOf(persister), columns,
						TraitIndexes.archiveColumnOf(persister)));
			});
		return tables;
	}

	/** A tenant-scoped entity's table, its tenant columns and its archive column (if archivable). */
	record Table(String entity, String name, List<Column> columns, @Nullable String archiveColumn) {

		/** The row-level security policy's conditions: each tenant column equals its level's setting. */
		List<String> policyConditions() {
			return this.columns.stream()
				.map((column) -> column.name() + " = " + TenantTraits.settingExpression(column.type(), column.level()))
				.toList();
		}

	}

	/** A tenant column: its name as mapped, its level and its Java type. */
	record Column(String name, String level, Class<?> type) {
	}

}
