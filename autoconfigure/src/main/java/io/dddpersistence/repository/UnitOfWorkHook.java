package io.dddpersistence.repository;

/**
 * Callbacks around the transaction boundaries a {@link UnitOfWork} manages. Declare beans of this
 * type (ordered with {@code @Order}); implement only the methods you need.
 * <p>
 * {@code preCommit} runs inside the transaction, so it may still write (and a failure rolls the
 * transaction back); {@code postCommit} runs after the commit; {@code preRollback} before the
 * rollback, while the connection still holds the transaction; {@code postRollback} after it.
 */
public interface UnitOfWorkHook {

	default void preCommit() {
	}

	default void postCommit() {
	}

	default void preRollback() {
	}

	default void postRollback() {
	}

}
