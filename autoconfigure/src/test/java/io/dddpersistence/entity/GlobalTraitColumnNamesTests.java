package io.dddpersistence.entity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dddpersistence.entity.globalnamefixtures.Memo;
import io.dddpersistence.testsupport.JpaContextRunners;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;

import static io.dddpersistence.testsupport.JpaContextRunners.startupFailureCause;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ddd.persistence.entity.columns.*} names the trait columns for every entity as an existing
 * schema has them ({@code deleted_at}, {@code created_by_user_id}): the table, the trait indexes,
 * the start-up index check and archive on delete all use the new names.
 */
class GlobalTraitColumnNamesTests {

	private final TestDatabase database = TestDatabases.create();

	private final ApplicationContextRunner runner = JpaContextRunners.withEntityTraits(this.database)
		.withUserConfiguration(Memos.class)
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=create");

	@Test
	void renamedTraitColumnsAreMappedIndexedCheckedAndArchivedInto() throws Exception {
		this.runner
			.withPropertyValues("ddd.persistence.entity.columns.archived-at=deleted_at",
					"ddd.persistence.entity.columns.archived-by=deleted_by",
					"ddd.persistence.entity.columns.created-by=created_by_user_id")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				EntityManagerFactory entityManagers = context.getBean(EntityManagerFactory.class);
				TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
				Memo memo = new Memo();
				transactions.executeWithoutResult((status) -> entityManager(entityManagers).persist(memo));
				transactions.executeWithoutResult((status) -> {
					EntityManager entityManager = entityManager(entityManagers);
					entityManager.remove(entityManager.find(Memo.class, memo.getId()));
				});
				transactions.executeWithoutResult(
						(status) -> assertThat(entityManager(entityManagers).find(Memo.class, memo.getId())).isNull());
			});
		assertThat(query("select column_name from information_schema.columns where table_name = 'memos'"))
			.contains("deleted_at", "deleted_by", "created_by_user_id", "created_at", "updated_at", "updated_by")
			.doesNotContain("archived_at", "archived_by", "created_by");
		assertThat(query("select indexname from pg_indexes where tablename = 'memos'"))
			.contains("ix_memos_deleted_at", "ix_memos_updated_at", "ix_memos_archivable_active",
					"ix_memos_archivable_archived");
		assertThat(query("select count(*) from memos where deleted_at is not null and created_by_user_id is not null"))
			.containsExactly("1");
	}

	@Test
	void aColumnNameThatIsNotAPlainIdentifierFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("ddd.persistence.entity.columns.archived-at=deleted at; drop table memos")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining("ddd.persistence.entity.columns.archived-at must be a plain SQL identifier"));
	}

	private static EntityManager entityManager(EntityManagerFactory entityManagers) {
		return EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers);
	}

	private List<String> query(String sql) throws Exception {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Memo.class)
	static class Memos {

	}

}
