package io.dddpersistence.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dddpersistence.entity.fixtures.Comment;
import io.dddpersistence.entity.fixtures.CommentRepository;
import io.dddpersistence.entity.fixtures.Document;
import io.dddpersistence.entity.fixtures.DocumentRepository;
import io.dddpersistence.entity.fixtures.Folder;
import io.dddpersistence.entity.fixtures.FolderRepository;
import io.dddpersistence.entity.fixtures.Ticket;
import io.dddpersistence.entity.fixtures.TicketRepository;
import io.dddpersistence.entity.fixtures.TraitsTestApplication;
import io.dddpersistence.entity.fixtures.TraitsTestApplication.MutableClock;
import io.dddpersistence.error.ArchivedEntityException;
import io.dddpersistence.error.MissingReferenceException;
import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.error.UniqueConstraintViolationException;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = TraitsTestApplication.class, properties = "spring.jpa.hibernate.ddl-auto=create")
@FreshDatabase
class EntityTraitsIntegrationTests {

	@Autowired
	DocumentRepository documents;

	@Autowired
	TicketRepository tickets;

	@Autowired
	FolderRepository folders;

	@Autowired
	CommentRepository comments;

	@Autowired
	Archiving archiving;

	@Autowired
	MutableClock clock;

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
		this.clock.set(Instant.parse("2026-01-01T10:00:00Z"));
	}

	// T1 optimistic locking

	@Test
	void versionStartsAtZeroAndGrowsByOnePerUpdate() {
		Document saved = this.documents.save(new Document(slug(), "first"));
		assertThat(saved.getVersion()).isZero();
		saved.setTitle("second");
		Document updated = this.documents.save(saved);
		assertThat(updated.getVersion()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select version from documents where id = ?", Long.class, saved.getId()))
			.isEqualTo(1);
	}

	@Test
	void staleSaveFailsWithOptimisticConcurrencyExceptionNamingEntityIdAndVersion() {
		Document saved = this.documents.save(new Document(slug(), "first"));
		Document copy = this.documents.findById(saved.getId()).orElseThrow();
		copy.setTitle("winner");
		this.documents.save(copy);
		saved.setTitle("loser");
		assertThatThrownBy(() -> this.documents.save(saved)).isInstanceOfSatisfying(
				OptimisticConcurrencyException.class, (ex) -> {
					assertThat(ex.getEntityType()).isEqualTo("Document");
					assertThat(ex.getId()).isEqualTo(saved.getId());
					assertThat(ex.getMessage()).contains("Document").contains(saved.getId().toString());
				});
		assertThat(this.documents.findById(saved.getId()).orElseThrow().getTitle()).isEqualTo("winner");
	}

	@Test
	void conflictFoundAtCommitIsTheSameException() {
		UUID id = this.documents.save(new Document(slug(), "first")).getId();
		assertThatThrownBy(() -> this.tx.executeWithoutResult((outer) -> {
			Document mine = this.entityManager.find(Document.class, id);
			mine.setTitle("mine");
			new TransactionTemplate(this.transactionManager) {
				{
					setPropagationBehavior(PROPAGATION_REQUIRES_NEW);
				}
			}.executeWithoutResult((inner) -> this.jdbc.update("update documents set title = 'theirs', version = version + 1 where id = ?", id));
		})).isInstanceOfSatisfying(OptimisticConcurrencyException.class, (ex) -> {
			assertThat(ex.getEntityType()).isEqualTo("Document");
			assertThat(ex.getId()).isEqualTo(id);
			assertThat(ex.getExpectedVersion()).isZero();
		});
		assertThat(this.documents.findById(id).orElseThrow().getTitle()).isEqualTo("theirs");
	}

	@Test
	void conflictFoundAtFlushIsTheSameException() {
		UUID id = this.documents.save(new Document(slug(), "first")).getId();
		assertThatThrownBy(() -> this.tx.executeWithoutResult((outer) -> {
			Document mine = this.documents.findById(id).orElseThrow();
			mine.setTitle("mine");
			new TransactionTemplate(this.transactionManager) {
				{
					setPropagationBehavior(PROPAGATION_REQUIRES_NEW);
				}
			}.executeWithoutResult((inner) -> this.jdbc.update("update documents set version = version + 1 where id = ?", id));
			this.documents.flush();
		})).isInstanceOf(OptimisticConcurrencyException.class);
	}

	// T2, T3 audit

	@Test
	void auditColumnsComeFromTheClockAndTheAuditor() {
		Document saved = this.documents.save(new Document(slug(), "first"));
		assertThat(saved.getAudit().getCreatedAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
		assertThat(saved.getAudit().getUpdatedAt()).isEqualTo(saved.getAudit().getCreatedAt());
		assertThat(saved.getAudit().getCreatedBy()).isEqualTo("alice");
		this.clock.set(Instant.parse("2026-01-02T08:30:00Z"));
		TraitsTestApplication.ACTOR.set("bob");
		saved.setTitle("second");
		Document updated = this.documents.save(saved);
		Map<String, Object> row = this.jdbc.queryForMap(
				"select created_at, updated_at, created_by, updated_by from documents where id = ?", saved.getId());
		assertThat(instant(row.get("created_at"))).isEqualTo("2026-01-01T10:00:00Z");
		assertThat(instant(row.get("updated_at"))).isEqualTo("2026-01-02T08:30:00Z");
		assertThat(row).containsEntry("created_by", "alice").containsEntry("updated_by", "bob");
		assertThat(updated.getAudit().getUpdatedBy()).isEqualTo("bob");
	}

	@Test
	void auditTimesAreTimestampWithTimeZoneAndUpdatedAtIsIndexed() {
		assertThat(this.jdbc.queryForList(
				"select data_type from information_schema.columns where table_name = 'documents' and column_name in ('created_at', 'updated_at', 'archived_at')",
				String.class))
			.containsOnly("timestamp with time zone");
		assertThat(indexNames("documents")).contains("ix_documents_updated_at");
	}

	@Test
	void actorFallsBackToTheSystemNameWhenNobodyIsAuthenticated() {
		TraitsTestApplication.ACTOR.set(null);
		Document saved = this.documents.save(new Document(slug(), "first"));
		assertThat(saved.getAudit().getCreatedBy()).isEqualTo("system");
	}

	// T4 archive

	@Test
	void deletingThroughARepositoryArchivesTheRow() {
		Document saved = this.documents.save(new Document(slug(), "doomed"));
		this.clock.set(Instant.parse("2026-03-01T00:00:00Z"));
		TraitsTestApplication.ACTOR.set("carol");
		this.documents.deleteById(saved.getId());
		Map<String, Object> row = this.jdbc.queryForMap("select archived_at, archived_by, version from documents where id = ?",
				saved.getId());
		assertThat(instant(row.get("archived_at"))).isEqualTo("2026-03-01T00:00:00Z");
		assertThat(row).containsEntry("archived_by", "carol").containsEntry("version", 1L);
	}

	@Test
	void archivedRowsAreInvisibleOnEveryReadPath() {
		Folder folder = this.folders.save(new Folder("f"));
		String slug = slug();
		Document archived = new Document(slug, "archived-title-" + slug);
		archived.setFolder(folder);
		archived = this.documents.save(archived);
		Document active = new Document(slug(), "active-title-" + slug);
		active.setFolder(folder);
		active = this.documents.save(active);
		UUID id = archived.getId();
		this.documents.delete(archived);

		assertThat(this.documents.findById(id)).isEmpty();
		assertThat(this.documents.existsById(id)).isFalse();
		assertThat(this.documents.findBySlug(slug)).isEmpty();
		assertThat(this.documents.countBySlug(slug)).isZero();
		assertThat(this.documents.findByTitlePattern("%-title-" + slug)).extracting(Document::getId)
			.containsExactly(active.getId());
		Specification<Document> bySlug = (root, query, cb) -> cb.equal(root.get("slug"), slug);
		assertThat(this.documents.findAll(bySlug)).isEmpty();
		assertThat(this.documents.count(bySlug)).isZero();
		assertThat(this.documents.findAllById(List.of(id, active.getId()))).extracting(Document::getId)
			.containsExactly(active.getId());
		assertThat(this.documents.findAll(PageRequest.of(0, 1000)).getContent()).extracting(Document::getId)
			.doesNotContain(id);
		assertThat(this.documents.findAll(PageRequest.of(0, 1000)).getTotalElements())
			.isEqualTo(this.jdbc.queryForObject("select count(*) from documents where archived_at is null", Long.class));
		Long folderId = folder.getId();
		List<UUID> inFolder = this.tx.execute((status) -> this.folders.findById(folderId).orElseThrow()
			.getDocuments()
			.stream()
			.map(Document::getId)
			.toList());
		assertThat(inFolder).containsExactly(active.getId());
		assertThatThrownBy(() -> this.tx.execute((status) -> this.documents.getReferenceById(id).getTitle()))
			.isInstanceOf(jakarta.persistence.EntityNotFoundException.class);
		List<?> nativeRows = this.tx.execute((status) -> this.entityManager
			.createQuery("select d.id from Document d where d.slug = :slug")
			.setParameter("slug", slug)
			.getResultList());
		assertThat(nativeRows).isEmpty();
	}

	@Test
	void aToOneAssociationToAnArchivedRowIsRefusedRatherThanSilentlyNulled() {
		Document document = this.documents.save(new Document(slug(), "commented"));
		Comment comment = this.comments.save(new Comment(document, "hi"));
		this.documents.delete(document);
		assertThatThrownBy(() -> this.tx.execute((status) -> this.comments.findById(comment.getId())
			.orElseThrow()
			.getDocument()
			.getTitle())).isInstanceOf(jakarta.persistence.EntityNotFoundException.class);
		String title = this.archiving.includingArchived(() -> this.comments.findById(comment.getId())
			.orElseThrow()
			.getDocument()
			.getTitle());
		assertThat(title).isEqualTo("commented");
	}

	@Test
	void archivedRowsCanBeReadIncludedOrAloneRestoredAndPurged() {
		String slug = slug();
		Document document = this.documents.save(new Document(slug, "t"));
		Document other = this.documents.save(new Document(slug(), "t"));
		Document archived = this.archiving.archive(document);
		assertThat(this.archiving.includingArchived(() -> this.documents.findById(document.getId()))).isPresent();
		assertThat(this.archiving.onlyArchived(() -> this.documents.findAllById(List.of(document.getId(), other.getId()))))
			.extracting(Document::getId)
			.containsExactly(document.getId());
		assertThat(this.archiving.includingArchived(() -> this.documents.findBySlug(slug))).isPresent();
		assertThat(this.documents.findById(document.getId())).isEmpty();

		assertThatThrownBy(() -> this.archiving.restore(document)).as("a stale copy is refused")
			.isInstanceOf(OptimisticConcurrencyException.class);
		Document restored = this.archiving.restore(archived);
		assertThat(this.archiving.isArchived(restored)).isFalse();
		assertThat(this.documents.findById(document.getId())).isPresent();
		assertThat(this.jdbc.queryForObject("select archived_by from documents where id = ?", String.class,
				document.getId())).isNull();

		this.archiving.purge(this.documents.findById(document.getId()).orElseThrow());
		assertThat(this.jdbc.queryForObject("select count(*) from documents where id = ?", Long.class, document.getId()))
			.isZero();
	}

	@Test
	void archivingAnArchivedEntityAndRestoringAnActiveOneChangeNothing() {
		Document document = this.documents.save(new Document(slug(), "t"));
		this.archiving.archive(document);
		Map<String, Object> first = this.jdbc.queryForMap("select archived_at, version from documents where id = ?",
				document.getId());
		this.clock.set(Instant.parse("2027-01-01T00:00:00Z"));
		this.archiving.archive(this.archiving.includingArchived(() -> this.documents.findById(document.getId()).orElseThrow()));
		assertThat(this.jdbc.queryForMap("select archived_at, version from documents where id = ?", document.getId()))
			.isEqualTo(first);

		Document live = this.documents.save(new Document(slug(), "live"));
		this.archiving.restore(live);
		assertThat(this.jdbc.queryForObject("select version from documents where id = ?", Long.class, live.getId()))
			.isZero();
	}

	@Test
	void updatingAnArchivedEntityIsRefused() {
		Document document = this.documents.save(new Document(slug(), "t"));
		this.archiving.archive(document);
		assertThatThrownBy(() -> this.archiving.includingArchived(() -> {
			Document loaded = this.documents.findById(document.getId()).orElseThrow();
			loaded.setTitle("changed");
			return this.documents.saveAndFlush(loaded);
		})).isInstanceOfSatisfying(ArchivedEntityException.class, (ex) -> {
			assertThat(ex.getEntityType()).isEqualTo("Document");
			assertThat(ex.getId()).isEqualTo(document.getId());
		});
		assertThat(this.jdbc.queryForObject("select title from documents where id = ?", String.class, document.getId()))
			.isEqualTo("t");
	}

	@Test
	void booleanStrategyArchivesWithTheDeletedFlag() {
		Ticket ticket = this.tickets.save(new Ticket(slug(), 1L, "A1"));
		this.tickets.delete(ticket);
		assertThat(this.jdbc.queryForObject("select is_deleted from tickets where id = ?", Boolean.class, ticket.getId()))
			.isTrue();
		assertThat(this.tickets.findById(ticket.getId())).isEmpty();
		assertThat(this.archiving.includingArchived(() -> this.tickets.findById(ticket.getId()))).isPresent();
	}

	@Test
	void bulkDeletesTouchOnlyActiveRowsAndDeleteThemForGood() {
		Ticket archived = this.tickets.save(new Ticket("BULK-" + slug(), 90L, "Z1"));
		this.tickets.delete(archived);
		Ticket active = this.tickets.save(new Ticket("BULK-" + slug(), 90L, "Z2"));
		this.tickets.deleteAllByIdInBatch(List.of(archived.getId(), active.getId()));
		assertThat(this.jdbc.queryForList("select id from tickets where id in (?, ?)", Long.class, archived.getId(),
				active.getId()))
			.containsExactly(archived.getId());
	}

	// T5 partial and unique-among-active indexes

	@Test
	void aSecondActiveRowWithTheSameSlugIsRejectedUntilTheFirstIsArchived() {
		String slug = slug();
		Document first = this.documents.save(new Document(slug, "first"));
		assertThatThrownBy(() -> this.documents.saveAndFlush(new Document(slug, "second")))
			.isInstanceOfSatisfying(UniqueConstraintViolationException.class, (ex) -> {
				assertThat(ex.getConstraint()).isEqualTo("uq_documents_archivable_slug");
				assertThat(ex.getColumns()).containsExactly("slug");
				assertThat(ex.getTable()).isEqualTo("documents");
			});
		this.documents.delete(first);
		Document second = this.documents.saveAndFlush(new Document(slug, "second"));
		assertThat(this.documents.findBySlug(slug)).map(Document::getId).contains(second.getId());
	}

	@Test
	void aReferenceToAMissingRowIsReportedWithItsConstraintAndTables() {
		Document missing = this.entityManager.getReference(Document.class, UUID.randomUUID());
		assertThatThrownBy(() -> this.tx.executeWithoutResult((status) -> this.comments.saveAndFlush(new Comment(missing, "orphan"))))
			.isInstanceOfSatisfying(MissingReferenceException.class, (ex) -> {
				assertThat(ex.getConstraint()).isEqualTo("fk_comments_document_id");
				assertThat(ex.getTable()).isEqualTo("comments");
				assertThat(ex.getReferencedTable()).isEqualTo("documents");
			});
	}

	@Test
	void compositeUniqueAmongActiveGroupsAreEnforcedSeparately() {
		this.tickets.saveAndFlush(new Ticket("C-" + slug(), 7L, "B2"));
		assertThatThrownBy(() -> this.tickets.saveAndFlush(new Ticket("C-" + slug(), 7L, "B2")))
			.isInstanceOfSatisfying(UniqueConstraintViolationException.class,
					(ex) -> assertThat(ex.getColumns()).containsExactly("event_id", "seat_number"));
		assertThat(this.tickets.saveAndFlush(new Ticket("C-" + slug(), 7L, "B3")).getId()).isNotNull();
	}

	@Test
	void partialIndexesArePartOfTheGeneratedSchema() {
		Map<String, String> indexes = indexDefinitions("documents");
		assertThat(indexes.get("ix_documents_archivable_active")).contains("WHERE (archived_at IS NULL)");
		assertThat(indexes.get("ix_documents_archivable_archived")).contains("WHERE (archived_at IS NOT NULL)");
		assertThat(indexes.get("uq_documents_archivable_slug")).startsWith("CREATE UNIQUE INDEX")
			.contains("(slug) WHERE (archived_at IS NULL)");
		Map<String, String> ticketIndexes = indexDefinitions("tickets");
		assertThat(ticketIndexes.get("uq_tickets_archivable_event_id_seat_number"))
			.contains("(event_id, seat_number) WHERE (is_deleted = false)");
		assertThat(ticketIndexes).containsKeys("uq_tickets_archivable_code", "ix_tickets_archivable_active");
	}

	// T9 naming

	@Test
	void foreignKeysAndIndexesAreNamedByConvention() {
		assertThat(this.jdbc.queryForList(
				"select constraint_name from information_schema.table_constraints where table_name = 'comments' and constraint_type = 'FOREIGN KEY'",
				String.class))
			.containsExactly("fk_comments_document_id");
		assertThat(this.jdbc.queryForList(
				"select column_name from information_schema.columns where table_name = 'tickets' order by column_name",
				String.class))
			.contains("event_id", "seat_number", "is_deleted");
	}

	// T7 keys

	@Test
	void uuidKeysAreTimeOrderedVersion7AndLongKeysComeFromAPooledSequence() {
		Document a = this.documents.save(new Document(slug(), "a"));
		Document b = this.documents.save(new Document(slug(), "b"));
		assertThat(a.getId().version()).isEqualTo(7);
		assertThat(a.getId().compareTo(b.getId())).isNegative();
		assertThat(this.jdbc.queryForObject(
				"select increment_by from pg_sequences where sequencename = 'tickets_seq'", Long.class))
			.isGreaterThan(1);
	}

	private Map<String, String> indexDefinitions(String table) {
		Map<String, String> definitions = new java.util.HashMap<>();
		this.jdbc.query("select indexname, indexdef from pg_indexes where tablename = ?",
				(row) -> {
					definitions.put(row.getString(1), row.getString(2));
				}, table);
		return definitions;
	}

	private List<String> indexNames(String table) {
		return List.copyOf(indexDefinitions(table).keySet());
	}

	/** A {@code timestamptz} as JDBC returns it: PgJDBC gives a Timestamp, H2 an OffsetDateTime. */
	static Instant instant(Object value) {
		return (value instanceof java.sql.Timestamp timestamp) ? timestamp.toInstant()
				: ((java.time.OffsetDateTime) value).toInstant();
	}

	static String slug() {
		return "s-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
