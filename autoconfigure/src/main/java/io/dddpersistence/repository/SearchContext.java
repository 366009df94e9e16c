package io.dddpersistence.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.springframework.data.jpa.repository.support.JpaEntityInformation;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What one repository's operations and search results share. */
record SearchContext<D, E, ID>(EntityManager entityManager, JpaEntityInformation<E, ID> entityInformation,
		SimpleJpaRepository<E, ID> delegate, DomainMapper<D, E> mapper, RepositoryProperties settings,
		PlatformTransactionManager transactionManager, TransactionTemplate readOnly, TransactionTemplate readWrite) {

	static TransactionDefinition readOnlyDefinition() {
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setReadOnly(true);
		return definition;
	}

	static <D, E, ID> SearchContext<D, E, ID> of(EntityManager entityManager, JpaEntityInformation<E, ID> information,
			DomainMapper<D, E> mapper, RepositoryProperties settings, PlatformTransactionManager transactionManager) {
		return new SearchContext<>(entityManager, information, new SimpleJpaRepository<>(information, entityManager),
				mapper, settings, transactionManager, new TransactionTemplate(transactionManager, readOnlyDefinition()),
				new TransactionTemplate(transactionManager));
	}

	/** Runs a read in the caller's transaction, or in a read-only one of its own. */
	<R> R read(Supplier<R> work) {
		return inTransaction(this.readOnly, work);
	}

	/**
	 * Runs a write in the caller's transaction, or in one of its own, flushed before it commits: what
	 * the flush throws (a lifecycle hook's veto, a change to an archived entity) then reaches the
	 * caller as thrown, not wrapped in the commit's {@code TransactionSystemException}.
	 */
	<R> R write(Supplier<R> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		return this.readWrite.execute((status) -> {
			R result = work.get();
			entityManager().flush();
			return result;
		});
	}

	// Joining directly rather than through the template (or @Transactional) keeps the cost of many
	// calls in one unit of work down: add() is called once per row in bulk inserts.
	private static <R> R inTransaction(TransactionTemplate template, Supplier<R> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		return template.execute((status) -> work.get());
	}

	List<D> toDomain(List<E> entities) {
		if (this.mapper instanceof IdentityMapper) {
			@SuppressWarnings("unchecked")
			List<D> same = (List<D>) entities;
			return same;
		}
		List<D> mapped = new ArrayList<>(entities.size());
		for (E entity : entities) {
			mapped.add(this.mapper.toDomain(entity));
		}
		return mapped;
	}

}
