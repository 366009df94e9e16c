package io.dddpersistence.error;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Owner-scoped rows were read or written with no current owner (no principal, no auditor); nothing
 * was read or written (HTTP 401, {@code missing-owner}).
 */
public class MissingOwnerException extends InvalidDataAccessApiUsageException {

	public MissingOwnerException() {
		super("No current owner for owner-scoped rows: authenticate, or run the work in "
				+ "OwnerScope.unrestricted(...) where every row may be seen");
	}

}
