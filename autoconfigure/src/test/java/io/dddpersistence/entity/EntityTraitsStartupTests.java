package io.dddpersistence.entity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dddpersistence.entity.badfixtures.badsrid.Beacon;
import io.dddpersistence.entity.badfixtures.notarchivable.Voucher;
import io.dddpersistence.entity.badfixtures.unknowncolumn.Coupon;
import io.dddpersistence.entity.badfixtures.unknownsrid.Buoy;
import io.dddpersistence.entity.fixtures.Document;
import io.dddpersistence.entity.legacyfixtures.LegacyTicket;
import io.dddpersistence.testsupport.JpaContextRunners;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;

import static io.dddpersistence.testsupport.JpaContextRunners.startupFailureCause;
import static org.assertj.core.api.Assertions.assertThat;

/** Declarations that cannot work fail start-up with a message naming the entity and the column. */
class EntityTraitsStartupTests {

	private final TestDatabase database = TestDatabases.create();

	private final ApplicationContextRunner runner = JpaContextRunners.withEntityTraits(this.database);

	@Test
	void anUnknownColumnInAUniqueAmongActiveGroupFailsNamingEntityAndColumn() {
		this.runner.withUserConfiguration(UnknownColumn.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining(Coupon.class.getName())
				.hasMessageContaining("'colour'"));
	}

	@Test
	void uniqueAmongActiveOnAnEntityThatIsNotArchivableFails() {
		this.runner.withUserConfiguration(NotArchivable.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining(Voucher.class.getName())
				.hasMessageContaining("not archivable"));
	}

	@Test
	void anSridOutOfRangeFailsNamingEntityAndField() {
		this.runner.withUserConfiguration(BadSrid.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining(Beacon.class.getName())
				.hasMessageContaining("'position'")
				.hasMessageContaining("SRID -4"));
	}

	@Test
	void anSridUnknownToPostgisFailsNamingEntityAndField() {
		this.runner.withUserConfiguration(UnknownSrid.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining(Buoy.class.getName() + ".position")
				.hasMessageContaining("123457"));
	}

	@Test
	void aMissingDeclaredIndexFailsStartUpByDefaultAndOnlyWarnsWhenAskedTo() throws Exception {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("""
					create sequence folders_seq increment by 50;
					create table folders (id bigint primary key, name varchar(255));
					create table documents (id uuid primary key, slug varchar(255), title varchar(255), folder_id bigint,
					  version bigint, created_at timestamptz not null, updated_at timestamptz not null,
					  created_by varchar(255), updated_by varchar(255), archived_at timestamptz, archived_by varchar(255));
					create index ix_documents_updated_at on documents (updated_at);
					create index ix_documents_archived_at on documents (archived_at);
					create index ix_documents_archivable_active on documents (archived_at) where archived_at is null;
					create index ix_documents_archivable_archived on documents (archived_at) where archived_at is not null;
					""");
		}
		this.runner.withUserConfiguration(Documents.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining("uq_documents_archivable_slug on documents (" + Document.class.getName() + "): "
						+ "create unique index uq_documents_archivable_slug on documents (slug) where archived_at is null;"));
		this.runner.withUserConfiguration(Documents.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=none", "ddd.persistence.entity.index-check=warn")
			.run((context) -> assertThat(context).hasNotFailed());
		// an application's own check, under the library's bean name, replaces the library's
		this.runner.withUserConfiguration(Documents.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
			.withBean("entityTraitIndexCheck", SmartInitializingSingleton.class, () -> () -> {
			})
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aMissingTraitColumnFailsStartUpWithTheStatementThatAddsItEvenWithoutValidate() throws Exception {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("""
					create sequence folders_seq increment by 50;
					create table folders (id bigint primary key, name varchar(255));
					create table documents (id uuid primary key, slug varchar(255), title varchar(255), folder_id bigint,
					  version bigint, created_at timestamptz not null, updated_at timestamptz not null,
					  updated_by varchar(255), archived_at timestamptz);
					create index ix_documents_updated_at on documents (updated_at);
					create index ix_documents_archived_at on documents (archived_at);
					create index ix_documents_archivable_active on documents (archived_at) where archived_at is null;
					create index ix_documents_archivable_archived on documents (archived_at) where archived_at is not null;
					create unique index uq_documents_archivable_slug on documents (slug) where archived_at is null;
					""");
		}
		this.runner.withUserConfiguration(Documents.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining("Columns mapped by entity traits are missing from the database")
				.hasMessageContaining("documents.created_by (" + Document.class.getName()
						+ ", audit): alter table documents add column created_by varchar(255);")
				.hasMessageContaining("documents.archived_by (" + Document.class.getName()
						+ ", archive): alter table documents add column archived_by varchar(255);")
				.satisfies((failure) -> assertThat(failure.getMessage()).doesNotContain("updated_by")
					.doesNotContain("folders")));
		this.runner.withUserConfiguration(Documents.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=none", "ddd.persistence.entity.index-check=warn")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void archiveAndAuditColumnsRenamedForAnExistingTableStartWithTheirIndexesAndArchiveOnDelete() throws Exception {
		this.runner.withUserConfiguration(LegacyNames.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				EntityManagerFactory entityManagers = context.getBean(EntityManagerFactory.class);
				TransactionTemplate transactions = new TransactionTemplate(
						context.getBean(PlatformTransactionManager.class));
				LegacyTicket ticket = new LegacyTicket();
				transactions.executeWithoutResult((status) -> EntityManagerFactoryUtils
					.getTransactionalEntityManager(entityManagers)
					.persist(ticket));
				transactions.executeWithoutResult((status) -> {
					EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagers);
					entityManager.remove(entityManager.find(LegacyTicket.class, ticket.getId()));
				});
				transactions.executeWithoutResult((status) -> assertThat(EntityManagerFactoryUtils
					.getTransactionalEntityManager(entityManagers)
					.find(LegacyTicket.class, ticket.getId())).isNull());
			});
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("select count(*) from legacy_tickets where deleted_at is not null")) {
				rows.next();
				assertThat(rows.getInt(1)).as("the delete archived the row in deleted_at").isEqualTo(1);
			}
			try (ResultSet rows = statement.executeQuery(
					"select indexname from pg_indexes where tablename = 'legacy_tickets' order by indexname")) {
				java.util.List<String> names = new java.util.ArrayList<>();
				while (rows.next()) {
					names.add(rows.getString(1));
				}
				assertThat(names).contains("ix_legacy_tickets_deleted_at", "ix_legacy_tickets_modified_at",
						"ix_legacy_tickets_archivable_active", "ix_legacy_tickets_archivable_archived");
			}
		}
		// on the existing table, the start-up check looks for the indexes under the renamed columns
		this.runner.withUserConfiguration(LegacyNames.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = LegacyTicket.class)
	static class LegacyNames {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Coupon.class)
	static class UnknownColumn {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Voucher.class)
	static class NotArchivable {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Beacon.class)
	static class BadSrid {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Buoy.class)
	static class UnknownSrid {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Document.class)
	static class Documents {

	}

}
