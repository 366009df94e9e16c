package io.dddpersistence.error;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.dddpersistence.entity.fixtures.Document;
import io.dddpersistence.entity.fixtures.DocumentRepository;
import io.dddpersistence.entity.fixtures.TraitsTestApplication;
import io.dddpersistence.test.FreshDatabase;

import static io.dddpersistence.error.TranslatedViolationLoggingIntegrationTests.hibernateWarnings;
import static io.dddpersistence.error.TranslatedViolationLoggingIntegrationTests.libraryDebug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With translation turned off the library reports no violation itself, so a duplicate is
 * Hibernate's to log, as it would be without the library.
 */
@SpringBootTest(classes = TraitsTestApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create", "logging.pattern.console=%level %logger: %message%n",
				"logging.level.io.dddpersistence.error=debug", "ddd.persistence.entity.translate-exceptions=false" })
@FreshDatabase
@ExtendWith(OutputCaptureExtension.class)
class UntranslatedViolationLoggingIntegrationTests {

	@Autowired
	DocumentRepository documents;

	@Test
	void aDuplicateIsLoggedByHibernateWhenTheLibraryDoesNotTranslateIt(CapturedOutput output) {
		String slug = "untranslated-" + UUID.randomUUID();
		this.documents.save(new Document(slug, "first"));
		int start = output.length();
		assertThatThrownBy(() -> this.documents.saveAndFlush(new Document(slug, "second")))
			.isNotInstanceOf(UniqueConstraintViolationException.class);
		String logged = output.toString().substring(start);
		assertThat(hibernateWarnings(logged)).anySatisfy((line) -> assertThat(line).contains("23505"));
		assertThat(libraryDebug(logged)).isEmpty();
	}

}
