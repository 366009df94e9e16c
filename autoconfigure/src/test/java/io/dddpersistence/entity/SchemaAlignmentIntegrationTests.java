package io.dddpersistence.entity;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.dddpersistence.entity.fixtures.Document;
import io.dddpersistence.test.SchemaAlignment;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import io.dddpersistence.testsupport.JpaContextRunners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The test kit's {@link SchemaAlignment} on the library's own checks, on H2: the script of a
 * context that only warned, with H2's statements, and a refusal when the checks are off.
 */
class SchemaAlignmentIntegrationTests {

	private final TestDatabase database = TestDatabases.createH2();

	private final ApplicationContextRunner runner = JpaContextRunners.withEntityTraits(this.database)
		.withUserConfiguration(Documents.class);

	@Test
	void aContextThatOnlyWarnedHandsOverTheH2Statements() throws Exception {
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=create")
			.run((context) -> assertThat(SchemaAlignment.migrationScript(context)).isEmpty());
		execute("drop index ix_documents_archivable_active");
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=none", "ddd.persistence.entity.index-check=warn")
			.run((context) -> assertThat(SchemaAlignment.migrationScript(context)).hasValueSatisfying(
					(script) -> assertThat(script)
						.contains("create index ix_documents_archivable_active on documents (archived_at);")));
	}

	@Test
	void withTheChecksOffTheHelperRefusesRatherThanCallingTheDatabaseAligned() {
		this.runner.withPropertyValues("spring.jpa.hibernate.ddl-auto=create", "ddd.persistence.entity.index-check=off")
			.run((context) -> assertThatIllegalStateException()
				.isThrownBy(() -> SchemaAlignment.assertAligned(context))
				.withMessageContaining("ddd.persistence.entity.index-check=off"));
	}

	private void execute(String sql) throws Exception {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Document.class)
	static class Documents {

	}

}
