package io.dddpersistence.lifecycle;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.dddpersistence.lifecycle.fixtures.Journal;
import io.dddpersistence.lifecycle.fixtures.LifecycleTestApplication;
import io.dddpersistence.lifecycle.fixtures.LifecycleTestApplication.MemoHook;
import io.dddpersistence.lifecycle.fixtures.Memo;
import io.dddpersistence.lifecycle.fixtures.Memos;
import io.dddpersistence.lifecycle.fixtures.Page;
import io.dddpersistence.lifecycle.fixtures.Pages;
import io.dddpersistence.lifecycle.fixtures.Postal;
import io.dddpersistence.lifecycle.fixtures.Ticket;
import io.dddpersistence.lifecycle.fixtures.Tickets;
import io.dddpersistence.tenant.TenantScope;
import io.dddpersistence.test.FreshDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lifecycle hooks on every write path, in order, with their changes written in the same
 * statement, a veto rolling back the whole transaction, and after-commit methods that run once on
 * commit and never on rollback.
 */
@SpringBootTest(classes = LifecycleTestApplication.class, properties = { "spring.jpa.hibernate.ddl-auto=create",
		"spring.flyway.enabled=false", "spring.jpa.open-in-view=false" })
@FreshDatabase
class LifecycleHooksIntegrationTests {

	@Autowired
	Pages pages;

	@Autowired
	Memos memos;

	@Autowired
	Tickets tickets;

	@Autowired
	Journal journal;

	@Autowired
	AtomicReference<PropertyChanges> lastChanges;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@PersistenceContext
	EntityManager entityManager;

	@BeforeEach
	void empty() {
		this.jdbc.update("delete from memo_lines");
		this.jdbc.update("delete from memo_line");
		this.jdbc.update("delete from memo");
		this.jdbc.update("delete from page");
		this.jdbc.update("delete from ticket");
		this.journal.clear();
	}

	@Test
	void aCreateRunsTheHooksInOrderWithTheAuditSetAndWritesWhatTheyChange() {
		UUID id = this.pages.add(new Page("Hello World", "text")).getId();
		assertThat(this.journal.entries()).containsExactly("titled:beforeCreate:Hello World",
				"page:beforeCreate:Hello World:audited=true", "page:afterCreate:Hello World");
		assertThat(this.jdbc.queryForObject("select slug from page where id = ?", String.class, id))
			.isEqualTo("hello-world");
	}

	@Test
	void anUpdateGetsExactlyTheChangedPropertiesAndItsHookChangeBumpsTheVersionOnce() {
		UUID id = this.pages.add(new Page("Hello", "text")).getId();
		this.journal.clear();
		this.transactions.executeWithoutResult((status) -> this.entityManager.find(Page.class, id).setTitle("Good Bye"));
		assertThat(this.lastChanges.get().names()).containsExactly("title");
		assertThat(this.lastChanges.get().get("title")).hasValueSatisfying((change) -> {
			assertThat(change.before()).isEqualTo("Hello");
			assertThat(change.after()).isEqualTo("Good Bye");
		});
		assertThat(this.jdbc.queryForMap("select slug, version from page where id = ?", id))
			.containsEntry("slug", "good-bye")
			.containsEntry("version", 1L);
		assertThat(this.journal.entries()).containsExactly("titled:beforeUpdate:Good Bye", "page:beforeUpdate:Good Bye",
				"page:afterUpdate:Good Bye");

		this.transactions.executeWithoutResult((status) -> {
			Page page = this.entityManager.find(Page.class, id);
			page.setBody("other text");
			page.setPostal(new Postal("Lyon", "Rue de la République"));
		});
		assertThat(this.lastChanges.get().names()).containsExactly("body", "postal");
		assertThat(this.jdbc.queryForObject("select version from page where id = ?", Long.class, id)).isEqualTo(2);
	}

	@Test
	void aVetoRollsBackTheWholeTransactionAndNoAfterMethodRuns() {
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.memos.save(new Memo("written first"));
			this.pages.add(new Page(LifecycleTestApplication.FORBIDDEN, "text"));
			this.entityManager.flush();
		})).isInstanceOf(IllegalArgumentException.class).hasMessage("A page may not be titled forbidden");
		assertThat(this.jdbc.queryForObject("select count(*) from memo", Long.class)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from page", Long.class)).isZero();
		assertThat(this.journal.entries()).noneMatch((entry) -> entry.contains(":after"));
	}

	@Test
	void afterMethodsRunOnceOnCommitAndNeverOnRollback() {
		this.transactions.executeWithoutResult((status) -> {
			this.pages.add(new Page("Rolled Back", "text"));
			this.entityManager.flush();
			status.setRollbackOnly();
		});
		assertThat(this.journal.entries()).contains("page:beforeCreate:Rolled Back:audited=true")
			.noneMatch((entry) -> entry.startsWith("page:after"));
		this.transactions.executeWithoutResult((status) -> {
			Page page = this.pages.add(new Page("Kept", "text"));
			this.entityManager.flush();
			page.setBody("flushed twice in one transaction");
		});
		assertThat(this.journal.of("page:afterCreate")).containsExactly("page:afterCreate:Kept");
		assertThat(this.journal.of("page:afterUpdate")).containsExactly("page:afterUpdate:Kept");
	}

	@Test
	void aFailingAfterMethodLeavesTheCommitAndIsCounted() {
		this.memos.save(new Memo(MemoHook.FAILS_AFTER));
		this.memos.save(new Memo("fine"));
		assertThat(this.jdbc.queryForObject("select count(*) from memo", Long.class)).isEqualTo(2);
		assertThat(this.journal.of("memo:")).containsExactly("memo:afterCreate:fine");
		assertThat(this.meters.get(HookFailures.METER).tag("phase", "afterCreate").counter().count()).isEqualTo(1);
	}

	@Test
	void aDeleteOfAnArchivableEntityArchivesItAndRunsTheArchiveMethodsThenRestoreAndPurgeRunTheirs() {
		UUID id = this.pages.add(new Page("Kept Around", "text")).getId();
		this.journal.clear();
		this.pages.remove(id);
		assertThat(this.journal.entries()).containsExactly("page:beforeArchive:Kept Around",
				"page:afterArchive:Kept Around");
		this.journal.clear();
		this.pages.restore(id);
		assertThat(this.journal.entries()).containsExactly("page:beforeRestore:Kept Around",
				"page:afterRestore:Kept Around");
		this.journal.clear();
		this.pages.archive(id);
		this.pages.purge(id);
		assertThat(this.journal.of("page:")).containsExactly("page:beforeArchive:Kept Around",
				"page:afterArchive:Kept Around", "page:beforeDelete:Kept Around", "page:afterDelete:Kept Around");
		assertThat(this.jdbc.queryForObject("select count(*) from page", Long.class)).isZero();
	}

	@Test
	void aHookSeesTheTenantTheLibraryFilledIn() {
		TenantScope.run("acme", () -> this.tickets.save(new Ticket("printer jam")));
		assertThat(this.journal.of("ticket:")).containsExactly("ticket:beforeCreate:printer jam:tenant=acme");
	}

	@Test
	void everyWritePathThroughThePersistenceContextRunsTheHooks() {
		// EntityManager persist, merge and remove
		Memo memo = new Memo("persisted", "one", "two");
		this.transactions.executeWithoutResult((status) -> this.entityManager.persist(memo));
		this.transactions.executeWithoutResult((status) -> {
			Memo detached = this.entityManager.find(Memo.class, memo.getId());
			this.entityManager.detach(detached);
			detached.setTitle("merged");
			this.entityManager.merge(detached);
		});
		this.transactions.executeWithoutResult((status) -> this.entityManager.remove(
				this.entityManager.find(Memo.class, memo.getId())));
		assertThat(this.journal.of("titled:")).containsExactly("titled:beforeCreate:persisted",
				"titled:beforeUpdate:merged", "titled:beforeDelete:merged", "titled:afterDelete:merged");
		// the cascade deleted its lines, each through the hooks
		assertThat(this.journal.of("any:beforeDelete:MemoLine")).hasSize(2);
		this.journal.clear();

		// Spring Data save and delete
		Memo saved = this.memos.save(new Memo("saved"));
		saved.setTitle("saved again");
		this.memos.save(saved);
		this.memos.delete(saved);
		assertThat(this.journal.of("titled:")).containsExactly("titled:beforeCreate:saved",
				"titled:beforeUpdate:saved again", "titled:beforeDelete:saved again", "titled:afterDelete:saved again");
	}

}
