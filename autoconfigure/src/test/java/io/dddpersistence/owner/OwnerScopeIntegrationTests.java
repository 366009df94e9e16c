package io.dddpersistence.owner;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.dddpersistence.error.ForeignOwnerException;
import io.dddpersistence.error.MissingOwnerException;
import io.dddpersistence.owner.fixtures.Board;
import io.dddpersistence.owner.fixtures.Boards;
import io.dddpersistence.owner.fixtures.Note;
import io.dddpersistence.owner.fixtures.Notes;
import io.dddpersistence.owner.fixtures.OwnerTestApplication;
import io.dddpersistence.tenant.TenantScope;
import io.dddpersistence.test.FreshDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Owner-scoped rows on every path the tenancy probe covers: two owners who see and change only their
 * own rows, an administrator who sees both, no owner at all, and tenancy applying as well.
 */
@SpringBootTest(classes = OwnerTestApplication.class, properties = { "spring.jpa.hibernate.ddl-auto=create",
		"spring.flyway.enabled=false", "spring.jpa.open-in-view=false" })
@FreshDatabase
class OwnerScopeIntegrationTests {

	@Autowired
	Notes notes;

	@Autowired
	Boards boards;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@PersistenceContext
	EntityManager entityManager;

	Board board;

	@BeforeEach
	void clean() {
		this.jdbc.update("delete from note");
		this.jdbc.update("delete from board");
		this.board = this.boards.save(new Board("team"));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCreateIsOwnedByTheCurrentPrincipal() {
		Note note = as("alice", () -> this.notes.save(new Note("groceries", this.board)));
		assertThat(note.getOwnerId()).isEqualTo("alice");
		assertThat(this.jdbc.queryForObject("select owner_id from note where id = ?", String.class, note.getId()))
			.isEqualTo("alice");
	}

	@Test
	void anotherOwnersRowIsInvisibleOnEveryReadPath() {
		Note mine = as("alice", () -> this.notes.save(new Note("diary", this.board)));
		as("bob", () -> {
			assertThat(this.notes.findById(mine.getId())).isEmpty();
			assertThat(this.notes.existsById(mine.getId())).isFalse();
			assertThat(this.notes.findByTitle("diary")).isEmpty();
			assertThat(this.notes.findByTitlePrefix("dia%")).isEmpty();
			assertThat(this.notes.findAll((root, query, cb) -> cb.equal(root.get("title"), "diary"))).isEmpty();
			assertThat(this.notes.count()).isZero();
			assertThat(this.notes.countByTitle("diary")).isZero();
			assertThat(this.notes.findAll(PageRequest.of(0, 10)).getTotalElements()).isZero();
			assertThat(this.notes.findAllById(List.of(mine.getId()))).isEmpty();
			assertThat(notesOnBoard()).isZero();
			assertThatThrownBy(() -> new TransactionTemplate(this.transactionManager)
				.execute((status) -> this.notes.getReferenceById(mine.getId()).getTitle()))
				.isInstanceOf(jakarta.persistence.EntityNotFoundException.class);
			return null;
		});
		as("alice", () -> {
			assertThat(this.notes.findById(mine.getId())).isPresent();
			assertThat(this.notes.count()).isOne();
			assertThat(notesOnBoard()).isOne();
			return null;
		});
	}

	@Test
	void anAdministratorSeesAndChangesEveryOwnersRows() {
		Note alices = as("alice", () -> this.notes.save(new Note("a", this.board)));
		as("bob", () -> this.notes.save(new Note("b", this.board)));
		as("root", () -> {
			assertThat(this.notes.findAll()).extracting(Note::getOwnerId).containsExactlyInAnyOrder("alice", "bob");
			Note loaded = this.notes.findById(alices.getId()).orElseThrow();
			loaded.setTitle("moderated");
			this.notes.save(loaded);
			return null;
		}, "ROLE_ADMIN");
		assertThat(this.jdbc.queryForMap("select title, owner_id from note where id = ?", alices.getId()))
			.containsEntry("title", "moderated")
			.containsEntry("owner_id", "alice");
		// programmatic, for jobs: no principal at all
		assertThat(TenantScope.call("acme", () -> OwnerScope.unrestricted(() -> this.notes.count()))).isEqualTo(2);
	}

	@Test
	void anUpdateOrDeleteOfAnotherOwnersRowIsRefusedAndChangesNothing() {
		Note mine = as("alice", () -> this.notes.save(new Note("mine", this.board)));
		Map<String, Object> before = this.jdbc.queryForMap("select * from note where id = ?", mine.getId());
		// a detached copy, as a client would send it back
		mine.setTitle("stolen");
		assertThatThrownBy(() -> as("bob", () -> this.notes.save(mine))).isInstanceOf(ForeignOwnerException.class);
		// an entity loaded where every row is seen, changed as another owner
		assertThatThrownBy(() -> TenantScope.run("acme", () -> new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> {
				Note loaded = OwnerScope.unrestricted(() -> this.entityManager.find(Note.class, mine.getId()));
				loaded.setTitle("stolen");
				as("bob", () -> {
					this.entityManager.flush();
					return null;
				});
			}))).isInstanceOf(ForeignOwnerException.class);
		assertThatThrownBy(() -> TenantScope.run("acme", () -> new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> {
				Note loaded = OwnerScope.unrestricted(() -> this.entityManager.find(Note.class, mine.getId()));
				as("bob", () -> {
					this.entityManager.remove(loaded);
					this.entityManager.flush();
					return null;
				});
			}))).isInstanceOf(ForeignOwnerException.class);
		// a create in another owner's name
		Note forged = new Note("forged", this.board);
		forged.setOwnerId("alice");
		assertThatThrownBy(() -> as("bob", () -> this.notes.save(forged))).isInstanceOf(ForeignOwnerException.class);
		// the owner cannot give a row away either
		assertThatThrownBy(() -> as("alice", () -> {
			Note loaded = this.notes.findById(mine.getId()).orElseThrow();
			loaded.setOwnerId("bob");
			return this.notes.saveAndFlush(loaded);
		})).isInstanceOf(ForeignOwnerException.class);
		// deleteById of a row bob cannot see finds nothing
		as("bob", () -> {
			this.notes.deleteById(mine.getId());
			return null;
		});
		assertThat(this.jdbc.queryForMap("select * from note where id = ?", mine.getId())).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from note", Long.class)).isOne();
	}

	@Test
	void withoutAnOwnerNothingIsReadOrWritten() {
		as("alice", () -> this.notes.save(new Note("x", this.board)));
		TenantScope.run("acme", () -> {
			assertThatThrownBy(() -> this.notes.findAll()).isInstanceOf(MissingOwnerException.class);
			assertThatThrownBy(() -> this.notes.count()).isInstanceOf(MissingOwnerException.class);
			assertThatThrownBy(() -> this.notes.save(new Note("anonymous", this.board)))
				.isInstanceOf(MissingOwnerException.class);
		});
		assertThat(this.jdbc.queryForObject("select count(*) from note", Long.class)).isOne();
	}

	@Test
	void tenancyAppliesToo() {
		Note acme = as("alice", () -> this.notes.save(new Note("acme's", this.board)));
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("alice", null, "ROLE_USER"));
		assertThat(TenantScope.call("globex", () -> this.notes.findById(acme.getId()))).isEmpty();
		assertThat(TenantScope.call("acme", () -> this.notes.findById(acme.getId()))).isPresent();
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("root", null, "ROLE_ADMIN"));
		assertThat(TenantScope.call("globex", () -> this.notes.count())).isZero();
	}

	private int notesOnBoard() {
		Integer size = new TransactionTemplate(this.transactionManager)
			.execute((status) -> this.boards.findById(this.board.getId()).orElseThrow().getNotes().size());
		return (size != null) ? size : -1;
	}

	// as a signed-in user of tenant acme
	private <R> R as(String user, Supplier<R> work, String... roles) {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(user, null, (roles.length > 0) ? roles : new String[] { "ROLE_USER" }));
		try {
			return TenantScope.call("acme", work);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
