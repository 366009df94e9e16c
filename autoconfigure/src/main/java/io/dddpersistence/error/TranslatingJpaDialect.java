package io.dddpersistence.error;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;

/**
 * Spring's Hibernate dialect, refined so that optimistic locking conflicts, unique and foreign key
 * violations surface as the library's exceptions carrying the facts. Installed on the entity
 * manager factory, it serves both repository calls and transaction commits, so a conflict gives
 * the same exception whether it is found at save, flush or commit.
 */
public class TranslatingJpaDialect extends HibernateJpaDialect {

	@Override
	public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
		DataAccessException translated = super.translateExceptionIfPossible(ex);
		return PersistenceErrors.refine(ex, translated);
	}

}
