package io.dddpersistence.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

import io.dddpersistence.entity.VersionLookupCustomizer;
import io.dddpersistence.error.MalformedTenantException;

/**
 * With row-level security on, sets the current tenants on the transaction's connection
 * ({@code set_config('ddd.tenant_<level>', tenant, true)}, local to the transaction) right after
 * each transaction begins, so the policies filter native SQL too. With no current tenant the
 * setting is empty and the policies match no row. Sets them the same way on the connection that
 * reads an entity's stored version after a stale write, so the conflict names the current version
 * instead of reporting the row as deleted.
 */
final class RowLevelSecurityTenantSetter implements TransactionExecutionListener, VersionLookupCustomizer {

	private final EntityManagerFactory entityManagerFactory;

	// each level's tenant id type
	private final Map<String, Class<?>> levels;

	RowLevelSecurityTenantSetter(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
		this.levels = levelsOf(entityManagerFactory);
	}

	private static Map<String, Class<?>> levelsOf(EntityManagerFactory entityManagerFactory) {
		Map<String, Class<?>> levels = new TreeMap<>();
		entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(
				(persister) -> {
					if (persister.getMappedClass() != null) {
						TenantTraits.of(persister.getMappedClass()).fields()
							.forEach((field) -> levels.put(TenantTraits.level(field), field.getType()));
					}
				});
		return levels;
	}

	@Override
	public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
		if (beginFailure != null || this.levels.isEmpty()) {
			return;
		}
		EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(this.entityManagerFactory);
		if (entityManager == null) {
			return;
		}
		entityManager.unwrap(Session.class).doWork(this::customize);
	}

	/*
	 * Empty, matching no row, when there is no tenant or one the policy's cast would fail on: the
	 * filters and checks then refuse the operation with MissingTenantException or
	 * MalformedTenantException, where a cast error in SQL would be a server error.
	 */
	private static String setting(String level, Class<?> type) {
		String tenant = TenantScope.current(level).orElse("");
		if (tenant.isEmpty()) {
			return tenant;
		}
		try {
			return String.valueOf(TenantTraits.typed(type, level, tenant));
		}
		catch (MalformedTenantException ex) {
			return "";
		}
	}

	@Override
	public void customize(Connection connection) throws SQLException {
		if (this.levels.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, true)")) {
			for (Map.Entry<String, Class<?>> level : this.levels.entrySet()) {
				statement.setString(1, TenantTraits.settingName(level.getKey()));
				statement.setString(2, setting(level.getKey(), level.getValue()));
				statement.execute();
			}
		}
	}

}
