package io.dddpersistence.error;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dddpersistence.entity.fixtures.Document;
import io.dddpersistence.entity.fixtures.DocumentDomainRepository;
import io.dddpersistence.entity.fixtures.DocumentRepository;
import io.dddpersistence.entity.fixtures.Invoice;
import io.dddpersistence.tenant.TenantScope;

/**
 * The controllers a conflict can reach a client through: a change with an {@code If-Match}
 * version saved through a repository, and a change to a loaded entity found stale at an explicit
 * flush or at commit. Each runs the test's {@link Interference} between loading and writing, as a
 * concurrent request would.
 */
@RestController
class ConflictTestController {

	private final DocumentDomainRepository domainDocuments;

	private final DocumentRepository documents;

	private final Interference interference;

	@PersistenceContext
	private EntityManager entityManager;

	ConflictTestController(DocumentDomainRepository domainDocuments, DocumentRepository documents,
			Interference interference) {
		this.domainDocuments = domainDocuments;
		this.documents = documents;
		this.interference = interference;
	}

	/** Through {@code add}: the document stays managed (open session in view), its version set from If-Match. */
	@PutMapping("/documents/{id}")
	public Long add(@PathVariable UUID id, @RequestHeader("If-Match") String ifMatch, @RequestParam String title) {
		Document document = this.domainDocuments.get(id).orElseThrow();
		document.setTitle(title);
		document.setVersion(version(ifMatch));
		this.interference.run();
		return this.domainDocuments.add(document).getVersion();
	}

	/** Through Spring Data's {@code save} of a detached copy carrying the If-Match version. */
	@PutMapping("/documents/{id}/copy")
	public Long save(@PathVariable UUID id, @RequestHeader("If-Match") String ifMatch, @RequestParam String title) {
		Document copy = this.documents.findById(id).orElseThrow();
		this.entityManager.detach(copy);
		copy.setTitle(title);
		copy.setVersion(version(ifMatch));
		this.interference.run();
		return this.documents.save(copy).getVersion();
	}

	@PostMapping("/documents/{id}/flush")
	@Transactional
	public Long retitleAndFlush(@PathVariable UUID id, @RequestParam String title) {
		Document document = this.entityManager.find(Document.class, id);
		document.setTitle(title);
		this.interference.run();
		this.entityManager.flush();
		return document.getVersion();
	}

	@PostMapping("/documents/{id}/commit")
	@Transactional
	public void retitle(@PathVariable UUID id, @RequestParam String title) {
		Document document = this.entityManager.find(Document.class, id);
		document.setTitle(title);
		this.interference.run();
	}

	@PostMapping("/invoices/{id}/commit")
	@Transactional
	public void changeAmount(@PathVariable Long id, @RequestParam BigDecimal amount) {
		Invoice invoice = this.entityManager.find(Invoice.class, id);
		invoice.setAmount(amount);
		this.interference.run();
	}

	private static Long version(String ifMatch) {
		return Long.valueOf(ifMatch.replace("W/", "").replace("\"", "").trim());
	}

	/**
	 * What a concurrent request of the same tenant does meanwhile: committed in a transaction of its
	 * own, on a thread of its own so that it shares neither the request's entity manager nor its
	 * connection.
	 */
	static class Interference {

		private final AtomicReference<Runnable> next = new AtomicReference<>(() -> {
		});

		private final TransactionTemplate separate;

		Interference(PlatformTransactionManager transactionManager) {
			this.separate = new TransactionTemplate(transactionManager);
		}

		void set(Runnable work) {
			this.next.set(work);
		}

		void run() {
			Runnable work = this.next.getAndSet(() -> {
			});
			Runnable committed = () -> this.separate.executeWithoutResult((status) -> work.run());
			Optional<String> tenant = TenantScope.current();
			CompletableFuture.runAsync(() -> tenant.ifPresentOrElse((same) -> TenantScope.run(same, committed), committed))
				.join();
		}

	}

}
