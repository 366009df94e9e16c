package io.dddpersistence.repository;

import java.math.BigDecimal;

import io.dddpersistence.repository.sample.HookJournal;
import io.dddpersistence.repository.sample.Product;
import io.dddpersistence.repository.sample.ProductRepository;
import io.dddpersistence.repository.sample.RepositoryTestApplication;
import io.dddpersistence.test.FreshDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@SpringBootTest(classes = RepositoryTestApplication.class, properties = RepositoryTestProperties.ALL)
@FreshDatabase
class UnitOfWorkIntegrationTests {

	@Autowired
	UnitOfWork unitOfWork;

	@Autowired
	ProductRepository products;

	@Autowired
	HookJournal journal;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void reset() {
		this.jdbc.update("delete from product");
		this.journal.clear();
	}

	@Test
	void aCommitFiresPreCommitThenPostCommitInHookOrder() {
		this.unitOfWork.run(() -> this.products.add(kettle()));
		assertThat(rows()).isEqualTo(1);
		assertThat(this.journal.entries()).containsExactly("first.preCommit", "second.preCommit", "first.postCommit",
				"second.postCommit");
	}

	@Test
	void anExceptionInsideRollsBackFiresTheRollbackHooksAndReachesTheCaller() {
		IllegalStateException failure = new IllegalStateException("payment declined");
		assertThatIllegalStateException().isThrownBy(() -> this.unitOfWork.run(() -> {
			this.products.add(kettle());
			throw failure;
		})).isSameAs(failure);
		assertThat(rows()).isZero();
		assertThat(this.journal.entries()).containsExactly("first.preRollback", "second.preRollback",
				"first.postRollback", "second.postRollback");
	}

	@Test
	void aFailingPreCommitHookRollsTheWorkBack() {
		this.journal.failNextPreCommit();
		assertThatIllegalStateException().isThrownBy(() -> this.unitOfWork.run(() -> this.products.add(kettle())))
			.withMessage("pre-commit check failed");
		assertThat(rows()).isZero();
		assertThat(this.journal.entries()).containsExactly("first.preCommit", "first.preRollback",
				"second.preRollback", "first.postRollback", "second.postRollback");
	}

	@Test
	void aJoinedUnitOfWorkFiresItsHooksOnceAtTheCallersCommit() {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.unitOfWork.run(() -> this.products.add(kettle()));
			this.unitOfWork.run(() -> this.products.add(kettle()));
			assertThat(this.journal.entries()).isEmpty();
		});
		assertThat(rows()).isEqualTo(2);
		assertThat(this.journal.entries()).containsExactly("first.preCommit", "second.preCommit", "first.postCommit",
				"second.postCommit");
	}

	@Test
	void aJoinedUnitOfWorkFiresItsRollbackHooksWhenTheCallerRollsBack() {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.unitOfWork.run(() -> this.products.add(kettle()));
			status.setRollbackOnly();
		});
		assertThat(rows()).isZero();
		assertThat(this.journal.entries()).containsExactly("first.preRollback", "second.preRollback",
				"first.postRollback", "second.postRollback");
	}

	@Test
	void aNewUnitOfWorkCommitsEvenWhenTheCallersTransactionRollsBack() {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.products.add(kettle());
			this.unitOfWork.runInNew(() -> this.products.add(kettle()));
			assertThat(this.journal.entries()).containsExactly("first.preCommit", "second.preCommit",
					"first.postCommit", "second.postCommit");
			status.setRollbackOnly();
		});
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void anExplicitScopeCommitsOnlyWhenToldAndRollsBackWhenClosedUncommitted() {
		try (UnitOfWork.Scope scope = this.unitOfWork.beginNew()) {
			assertThat(scope.isNewTransaction()).isTrue();
			this.products.add(kettle());
		}
		assertThat(rows()).isZero();
		try (UnitOfWork.Scope scope = this.unitOfWork.begin()) {
			this.products.add(kettle());
			scope.commit();
		}
		assertThat(rows()).isEqualTo(1);
		assertThat(this.journal.entries()).containsExactly("first.preRollback", "second.preRollback",
				"first.postRollback", "second.postRollback", "first.preCommit", "second.preCommit", "first.postCommit",
				"second.postCommit");
	}

	private long rows() {
		return this.jdbc.queryForObject("select count(*) from product", Long.class);
	}

	private static Product kettle() {
		return new Product("kettle", "kitchen", BigDecimal.ONE);
	}

}
