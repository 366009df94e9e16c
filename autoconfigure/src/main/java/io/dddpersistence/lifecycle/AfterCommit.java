package io.dddpersistence.lifecycle;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The {@code after} methods of the hooks of one written entity, run by the session once its
 * transaction completed, and only if it committed. A failing hook is counted and the others run.
 */
final class AfterCommit implements AfterTransactionCompletionProcess {

	private final Phase phase;

	private final List<EntityLifecycleHook<Object>> hooks;

	private final Object entity;

	private final @Nullable PropertyChanges changes;

	private final HookFailures failures;

	AfterCommit(Phase phase, List<EntityLifecycleHook<Object>> hooks, Object entity, @Nullable PropertyChanges changes,
			HookFailures failures) {
		this.phase = phase;
		this.hooks = hooks;
		this.entity = entity;
		this.changes = changes;
		this.failures = failures;
	}

	@Override
	public void doAfterTransactionCompletion(boolean success, SharedSessionContractImplementor session) {
		if (!success) {
			return;
		}
		for (EntityLifecycleHook<Object> hook : this.hooks) {
			try {
				this.phase.after(hook, this.entity, this.changes);
			}
			catch (RuntimeException ex) {
				this.failures.failed(hook, this.phase, this.entity, ex);
			}
		}
	}

}
