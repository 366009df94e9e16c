package io.dddpersistence.error;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dddpersistence.entity.fixtures.Comment;
import io.dddpersistence.entity.fixtures.CommentRepository;
import io.dddpersistence.entity.fixtures.Document;
import io.dddpersistence.entity.fixtures.DocumentDomainRepository;
import io.dddpersistence.entity.fixtures.DocumentRepository;
import io.dddpersistence.entity.fixtures.TraitsTestApplication;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A violation the library translates into its own exception is an expected outcome (a 409): it is
 * not a warning from Hibernate, but one debug line with the facts in the library's logger. Any
 * other SQL error is still logged by Hibernate as before.
 */
@SpringBootTest(classes = TraitsTestApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create", "logging.pattern.console=%level %logger: %message%n",
				"logging.level.io.dddpersistence.error=debug" })
@FreshDatabase
@ExtendWith(OutputCaptureExtension.class)
class TranslatedViolationLoggingIntegrationTests {

	@Autowired
	DocumentRepository documents;

	@Autowired
	DocumentDomainRepository domainDocuments;

	@Autowired
	CommentRepository comments;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@PersistenceContext
	EntityManager entityManager;

	TransactionTemplate tx;

	@BeforeEach
	void setUp() {
		this.tx = new TransactionTemplate(this.transactionManager);
		TraitsTestApplication.ACTOR.set("alice");
	}

	@Test
	void aTranslatedUniqueViolationIsNoHibernateWarningButOneDebugLineWithTheFacts(CapturedOutput output) {
		String slug = slug();
		this.documents.save(new Document(slug, "first"));
		int start = output.length();
		assertThatThrownBy(() -> this.documents.saveAndFlush(new Document(slug, "second")))
			.isInstanceOf(UniqueConstraintViolationException.class);
		String logged = output.toString().substring(start);
		assertThat(hibernateNoise(logged)).isEmpty();
		assertThat(libraryDebug(logged)).singleElement()
			.satisfies((line) -> assertThat(line).contains("uq_documents_archivable_slug").contains("documents").contains("slug"));
	}

	@Test
	void aDuplicateInABatchIsNoHibernateWarningEither(CapturedOutput output) {
		String prefix = slug();
		List<Document> batch = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			batch.add(new Document(prefix + i, "title"));
		}
		batch.add(new Document(prefix + 3, "duplicate slug"));
		int start = output.length();
		assertThatThrownBy(() -> this.domainDocuments.addAll(batch)).isInstanceOf(UniqueConstraintViolationException.class);
		String logged = output.toString().substring(start);
		assertThat(hibernateNoise(logged)).isEmpty();
		assertThat(libraryDebug(logged)).isNotEmpty().allSatisfy((line) -> assertThat(line).contains("slug"));
	}

	@Test
	void aTranslatedMissingReferenceIsNoHibernateWarning(CapturedOutput output) {
		Document missing = this.entityManager.getReference(Document.class, UUID.randomUUID());
		int start = output.length();
		assertThatThrownBy(
				() -> this.tx.executeWithoutResult((status) -> this.comments.saveAndFlush(new Comment(missing, "orphan"))))
			.isInstanceOf(MissingReferenceException.class);
		String logged = output.toString().substring(start);
		assertThat(hibernateNoise(logged)).isEmpty();
		assertThat(libraryDebug(logged)).singleElement()
			.satisfies((line) -> assertThat(line).contains("fk_comments_document_id").contains("comments"));
	}

	@Test
	void aStaleVersionFoundInABatchIsNoHibernateNotice(CapturedOutput output) {
		UUID id = this.documents.save(new Document(slug(), "first")).getId();
		int start = output.length();
		assertThatThrownBy(() -> this.tx.executeWithoutResult((outer) -> {
			Document mine = this.documents.findById(id).orElseThrow();
			mine.setTitle("mine");
			this.jdbc.update("update documents set version = version + 1 where id = ?", id);
			this.documents.flush();
		})).isInstanceOf(OptimisticConcurrencyException.class);
		String logged = output.toString().substring(start);
		assertThat(hibernateNoise(logged)).isEmpty();
		assertThat(libraryDebug(logged)).singleElement()
			.satisfies((line) -> assertThat(line).contains("Stale version").contains(id.toString()));
	}

	@Test
	void aViolationTheLibraryDoesNotTranslateIsStillLoggedByHibernate(CapturedOutput output) {
		this.jdbc.execute("create table if not exists noise_checks (amount int, constraint ck_noise_checks_amount check (amount > 0))");
		int start = output.length();
		assertThatThrownBy(() -> this.tx.executeWithoutResult((status) -> this.entityManager
			.createNativeQuery("insert into noise_checks (amount) values (-1)")
			.executeUpdate())).isNotInstanceOfAny(UniqueConstraintViolationException.class, MissingReferenceException.class);
		String logged = output.toString().substring(start);
		assertThat(hibernateWarnings(logged))
			.anySatisfy((line) -> assertThat(line).containsIgnoringCase("ck_noise_checks_amount"));
		assertThat(libraryDebug(logged)).isEmpty();
	}

	@Test
	void badSqlIsStillLoggedByHibernate(CapturedOutput output) {
		int start = output.length();
		assertThatThrownBy(() -> this.tx.executeWithoutResult(
				(status) -> this.entityManager.createNativeQuery("select no_such_column from documents").getResultList()))
			.isNotNull();
		String logged = output.toString().substring(start);
		assertThat(hibernateWarnings(logged)).isNotEmpty();
	}

	/** Hibernate's lines at info and above: its WARNs and the batch release notice. */
	private static List<String> hibernateNoise(String logged) {
		return logged.lines()
			.filter((line) -> line.startsWith("WARN org.hibernate") || line.startsWith("ERROR org.hibernate")
					|| line.startsWith("INFO org.hibernate"))
			.toList();
	}

	static List<String> hibernateWarnings(String logged) {
		return logged.lines().filter((line) -> line.startsWith("WARN org.hibernate")).toList();
	}

	static List<String> libraryDebug(String logged) {
		return logged.lines().filter((line) -> line.startsWith("DEBUG " + TranslatedViolations.class.getName() + ":")).toList();
	}

	static String slug() {
		return "noise-" + UUID.randomUUID();
	}

}
