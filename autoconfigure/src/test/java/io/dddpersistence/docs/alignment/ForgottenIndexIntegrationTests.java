package io.dddpersistence.docs.alignment;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import io.dddpersistence.test.FreshDatabase;
import io.dddpersistence.test.SchemaAlignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migrations that forgot the unique-among-active index: the test kit's helper hands over the
 * script that adds it, and its assertion fails with that script in the message.
 */
@SpringBootTest(classes = ShelvesApplication.class, properties = {
		"spring.flyway.locations=classpath:db/shelves/forgotten", "ddd.persistence.entity.index-check=warn" })
@FreshDatabase
class ForgottenIndexIntegrationTests {

	private static final String CREATE = "create unique index uq_shelves_archivable_code on shelves (code) "
			+ "where archived_at is null;";

	@Autowired
	ApplicationContext context;

	@Test
	void theScriptCreatesTheForgottenIndexAndNothingElse() {
		assertThat(SchemaAlignment.migrationScript(this.context)).hasValueSatisfying((script) -> assertThat(script)
			.startsWith("-- Brings the database in line with the entity traits")
			.contains(CREATE)
			.doesNotContain("ix_shelves_updated_at", "ix_shelves_archivable_active"));
	}

	@Test
	void theAssertionFailsWithTheScript() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SchemaAlignment.assertAligned(this.context))
			.withMessageContaining("The database lacks what the entity traits need")
			.withMessageContaining(CREATE);
	}

}
