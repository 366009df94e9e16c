package io.dddpersistence.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

import io.dddpersistence.entity.VersionLookupCustomizer;

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

	private final Set<String> levels;

	RowLevelSecurityTenantSetter(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
		this.levels = levelsOf(entityManagerFactory);
	}

	private static Set<String> levelsOf(EntityManagerFactory entityManagerFactory) {
		Set<String> levels = new TreeSet<>();
		entityManagerFactory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(
				(persister) -> {
					if (persister.getMappedClass() != null) {
						TenantTraits.of(persister.getMappedClass()).fields().forEach((field) -> levels.add(TenantTraits.level(field)));
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

	@Override
	public void customize(Connection connection) throws SQLException {
		if (this.levels.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, true)")) {
			for (String level : this.levels) {
				statement.setString(1, TenantTraits.settingName(level));
				statement.setString(2, TenantScope.current(level).orElse(""));
				statement.execute();
			}
		}
	}

}
