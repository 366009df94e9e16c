package io.dddpersistence.entity;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.dddpersistence.entity.badfixtures.unknownsrid.Buoy;
import io.dddpersistence.entity.fixtures.Document;
import io.dddpersistence.testsupport.JpaContextRunners;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;

import static io.dddpersistence.testsupport.JpaContextRunners.startupFailureCause;
import static org.assertj.core.api.Assertions.assertThat;

/** What H2 cannot do fails start-up naming the feature and the reason; what it can is checked like on PostgreSQL. */
class H2StartupTests {

	private final TestDatabase database = TestDatabases.createH2();

	private final ApplicationContextRunner runner = JpaContextRunners.withEntityTraits(this.database);

	@Test
	void rowLevelSecurityOnH2FailsStartUpNamingTheSetting() {
		this.runner.withUserConfiguration(Documents.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=create", "ddd.persistence.tenant.row-level-security=true")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining("ddd.persistence.tenant.row-level-security=true")
				.hasMessageContaining("H2Dialect"));
	}

	@Test
	void aDatabaseWithoutVendorSqlFailsListingTheSupportedOnesAndTheSwitches() {
		this.runner.withUserConfiguration(Documents.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=none",
					"spring.jpa.database-platform=org.hibernate.dialect.MySQLDialect")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining("PostgreSQL, H2")
				.hasMessageContaining("MySQLDialect")
				.hasMessageContaining("archivable entity " + Document.class.getPackageName())
				.hasMessageContaining("ddd.persistence.outbox.enabled=false"));
	}

	@Test
	void anSridUnknownToH2gisFailsNamingEntityAndField() {
		this.runner.withUserConfiguration(UnknownSrid.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining(Buoy.class.getName() + ".position")
				.hasMessageContaining("123457"));
	}

	@Test
	void aMissingUniqueAmongActiveIndexFailsStartUpOnH2Too() throws Exception {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("""
					create sequence folders_seq increment by 50;
					create table folders (id bigint primary key, name varchar(255));
					create table documents (id uuid primary key, slug varchar(255), title varchar(255), folder_id bigint,
					  version bigint, created_at timestamp with time zone not null,
					  updated_at timestamp with time zone not null, created_by varchar(255), updated_by varchar(255),
					  archived_at timestamp with time zone, archived_by varchar(255));
					create index ix_documents_updated_at on documents (updated_at);
					create index ix_documents_archived_at on documents (archived_at);
					create index ix_documents_archivable_active on documents (archived_at);
					create index ix_documents_archivable_archived on documents (archived_at);
					""");
		}
		this.runner.withUserConfiguration(Documents.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> assertThat(startupFailureCause(context.getStartupFailure()))
				.hasMessageContaining("uq_documents_archivable_slug")
				.hasMessageContaining(Document.class.getName()));
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
