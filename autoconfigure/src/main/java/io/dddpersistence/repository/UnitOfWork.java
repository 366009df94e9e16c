package io.dddpersistence.repository;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One transaction boundary around a piece of work, over Spring's transaction manager, with
 * {@link UnitOfWorkHook hooks} that fire at its commit and rollback.
 * <ul>
 * <li>{@link #execute} is caller-managed when a transaction is already active: the work joins it,
 * and the hooks fire when the caller's transaction commits or rolls back. Without one it begins its
 * own.</li>
 * <li>{@link #executeInNew} is self-managed: the work always runs in a transaction of its own that
 * commits when the work returns, whatever the caller's transaction does later.</li>
 * <li>{@link #begin} and {@link #beginNew} give a {@link Scope} to commit or roll back explicitly;
 * closing it without a commit rolls back.</li>
 * </ul>
 * An exception thrown by the work rolls the transaction back (or marks the caller's one
 * rollback-only), fires the rollback hooks and reaches the caller unchanged.
 *
 * <pre class="code">
 * unitOfWork.execute(() -&gt; {
 *     orders.add(order);
 *     payments.add(payment);
 *     return order.id();
 * });
 * </pre>
 */
public final class UnitOfWork {

	private final PlatformTransactionManager transactionManager;

	private final List<UnitOfWorkHook> hooks;

	public UnitOfWork(PlatformTransactionManager transactionManager, List<UnitOfWorkHook> hooks) {
		this.transactionManager = transactionManager;
		this.hooks = List.copyOf(hooks);
	}

	/** Runs the work in the caller's transaction, or in a transaction of its own when there is none. */
	public <R> R execute(Supplier<R> work) {
		return execute(TransactionDefinition.PROPAGATION_REQUIRED, work);
	}

	public void run(Runnable work) {
		execute(() -> {
			work.run();
			return null;
		});
	}

	/** Runs the work in a transaction of its own, suspending the caller's one meanwhile. */
	public <R> R executeInNew(Supplier<R> work) {
		return execute(TransactionDefinition.PROPAGATION_REQUIRES_NEW, work);
	}

	public void runInNew(Runnable work) {
		executeInNew(() -> {
			work.run();
			return null;
		});
	}

	/** Begins a unit of work that joins the caller's transaction, or begins one when there is none. */
	public Scope begin() {
		return new Scope(begin(TransactionDefinition.PROPAGATION_REQUIRED));
	}

	/** Begins a unit of work in a transaction of its own. */
	public Scope beginNew() {
		return new Scope(begin(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
	}

	private <R> R execute(int propagation, Supplier<R> work) {
		try (Scope scope = new Scope(begin(propagation))) {
			R result = work.get();
			scope.commit();
			return result;
		}
	}

	private TransactionStatus begin(int propagation) {
		TransactionStatus status = this.transactionManager.getTransaction(new DefaultTransactionDefinition(propagation));
		if (!this.hooks.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.getSynchronizations()
					.stream()
					.noneMatch((registered) -> registered instanceof HookSynchronization hooks && hooks.owner() == this)) {
			TransactionSynchronizationManager.registerSynchronization(new HookSynchronization(this, this.hooks));
		}
		return status;
	}

	/**
	 * A unit of work begun explicitly: {@link #commit()} it, or {@link #rollback()} it; closing it
	 * uncompleted rolls it back, so that an exception in a try-with-resources block undoes the work.
	 */
	public final class Scope implements AutoCloseable {

		private final TransactionStatus status;

		private Scope(TransactionStatus status) {
			this.status = status;
		}

		/** Whether this scope began the transaction (self-managed) rather than joined the caller's. */
		public boolean isNewTransaction() {
			return this.status.isNewTransaction();
		}

		public void commit() {
			UnitOfWork.this.transactionManager.commit(this.status);
		}

		public void rollback() {
			UnitOfWork.this.transactionManager.rollback(this.status);
		}

		@Override
		public void close() {
			if (!this.status.isCompleted()) {
				rollback();
			}
		}

	}

	/**
	 * Fires the hooks at the boundaries of the physical transaction it is registered with. Spring
	 * calls {@code beforeCompletion} before a commit and before a rollback alike; a rollback is the
	 * case where {@code beforeCommit} has not completed. A commit the database refuses gets its
	 * {@code preRollback} after the fact, just before {@code postRollback}.
	 */
	private static final class HookSynchronization implements TransactionSynchronization {

		private final UnitOfWork owner;

		private final List<UnitOfWorkHook> hooks;

		private boolean committing;

		private boolean rollbackAnnounced;

		HookSynchronization(UnitOfWork owner, List<UnitOfWorkHook> hooks) {
			this.owner = owner;
			this.hooks = hooks;
		}

		UnitOfWork owner() {
			return this.owner;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.hooks.forEach(UnitOfWorkHook::preCommit);
			this.committing = true;
		}

		@Override
		public void beforeCompletion() {
			if (!this.committing) {
				announceRollback();
			}
		}

		@Override
		public void afterCommit() {
			this.hooks.forEach(UnitOfWorkHook::postCommit);
		}

		@Override
		public void afterCompletion(int status) {
			if (status != STATUS_COMMITTED) {
				announceRollback();
				this.hooks.forEach(UnitOfWorkHook::postRollback);
			}
		}

		private void announceRollback() {
			if (!this.rollbackAnnounced) {
				this.rollbackAnnounced = true;
				this.hooks.forEach(UnitOfWorkHook::preRollback);
			}
		}

	}

}
