package io.dddpersistence.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.dddpersistence.entity.fixtures.Document;
import io.dddpersistence.entity.fixtures.DocumentDomainRepository;
import io.dddpersistence.entity.fixtures.Invoice;
import io.dddpersistence.entity.fixtures.InvoiceDomainRepository;
import io.dddpersistence.entity.fixtures.TraitsTestApplication;
import io.dddpersistence.error.MissingTenantException;
import io.dddpersistence.error.OptimisticConcurrencyException;
import io.dddpersistence.error.UniqueConstraintViolationException;
import io.dddpersistence.tenant.TenantScope;
import io.dddpersistence.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code addAll}: many aggregates in one transaction, every trait applied, all or nothing. */
@SpringBootTest(classes = TraitsTestApplication.class, properties = "spring.jpa.hibernate.ddl-auto=create")
@FreshDatabase
class BulkAddIntegrationTests {

	@Autowired
	DocumentDomainRepository documents;

	@Autowired
	InvoiceDomainRepository invoices;

	@Autowired
	UnitOfWork unitOfWork;

	@Autowired
	JdbcTemplate jdbc;

	@PersistenceContext
	EntityManager entityManager;

	@Test
	void newAggregatesAreInsertedWithIdsVersionsAndAuditStamps() {
		String prefix = prefix();
		List<Document> added = this.documents.addAll(documents(prefix, 537));
		assertThat(added).hasSize(537).allSatisfy((document) -> {
			assertThat(document.getId().version()).isEqualTo(7);
			assertThat(document.getVersion()).isZero();
			assertThat(document.getAudit().getCreatedBy()).isEqualTo("alice");
			assertThat(document.getAudit().getCreatedAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
		});
		assertThat(this.jdbc.queryForObject("select count(*) from documents where slug like ? and created_by = 'alice'",
				Long.class, prefix + "%")).isEqualTo(537);
		assertThat(this.documents.get(added.get(42).getId())).map(Document::getSlug).contains(prefix + 42);
	}

	@Test
	void storedAggregatesAreUpdatedAndAStaleOneFailsTheWholeCall() {
		String prefix = prefix();
		Document stored = this.documents.add(new Document(prefix + "stored", "v0"));
		Document fresh = this.documents.get(stored.getId()).orElseThrow();
		fresh.setTitle("v1");
		List<Document> mixed = new ArrayList<>(documents(prefix + "new-", 3));
		mixed.add(fresh);
		List<Document> result = this.documents.addAll(mixed);
		assertThat(result.get(3).getTitle()).isEqualTo("v1");
		stored.setTitle("stale");
		List<Document> withStale = new ArrayList<>(documents(prefix + "more-", 3));
		withStale.add(stored);
		assertThatThrownBy(() -> this.documents.addAll(withStale)).isInstanceOf(OptimisticConcurrencyException.class);
		assertThat(this.jdbc.queryForObject("select count(*) from documents where slug like ?", Long.class,
				prefix + "more-%")).isZero();
	}

	@Test
	void aDuplicateAmongActiveRowsIsTheLibrarysExceptionAndNothingIsWritten() {
		String prefix = prefix();
		List<Document> batch = new ArrayList<>(documents(prefix, 10));
		batch.add(new Document(prefix + 3, "duplicate slug"));
		assertThatThrownBy(() -> this.documents.addAll(batch)).isInstanceOfSatisfying(
				UniqueConstraintViolationException.class, (ex) -> assertThat(ex.getColumns()).containsExactly("slug"));
		assertThat(this.jdbc.queryForObject("select count(*) from documents where slug like ?", Long.class,
				prefix + "%")).isZero();
	}

	@Test
	void tenantColumnsAreFilledAndAMissingTenantWritesNothing() {
		List<Invoice> added = TenantScope.call("bulk-tenant",
				() -> this.invoices.addAll(List.of(new Invoice("B-1", BigDecimal.ONE), new Invoice("B-2", BigDecimal.TEN))));
		assertThat(added).extracting(Invoice::getTenantId).containsOnly("bulk-tenant");
		assertThat(this.jdbc.queryForObject("select count(*) from invoices where number in ('B-1', 'B-2') and tenant_id = 'bulk-tenant'",
				Long.class)).isEqualTo(2);
		long before = this.jdbc.queryForObject("select count(*) from invoices", Long.class);
		assertThatThrownBy(() -> this.invoices.addAll(List.of(new Invoice("B-3", BigDecimal.ONE))))
			.isInstanceOf(MissingTenantException.class);
		assertThat(this.jdbc.queryForObject("select count(*) from invoices", Long.class)).isEqualTo(before);
	}

	@Test
	void inAUnitOfWorkTheInsertsJoinItsTransaction() {
		String prefix = prefix();
		assertThatThrownBy(() -> this.unitOfWork.run(() -> {
			this.documents.addAll(documents(prefix, 5));
			throw new IllegalStateException("roll back");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(this.jdbc.queryForObject("select count(*) from documents where slug like ?", Long.class,
				prefix + "%")).isZero();
	}

	private static List<Document> documents(String prefix, int count) {
		List<Document> documents = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			documents.add(new Document(prefix + i, "title " + i));
		}
		return documents;
	}

	private static String prefix() {
		return "bulk-" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

}
