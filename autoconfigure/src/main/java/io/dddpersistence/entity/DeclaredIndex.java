package io.dddpersistence.entity;

import org.jspecify.annotations.Nullable;

/**
 * An index an entity's traits declare, which the start-up check looks for in the database.
 *
 * @param entity the entity class name that declares it
 * @param table the table name (unqualified)
 * @param name the index name
 * @param ddl the PostgreSQL statement that creates it, printed when it is missing; null if not known
 */
public record DeclaredIndex(String entity, String table, String name, @Nullable String ddl) {

	/** An index whose statement the check does not print. */
	public DeclaredIndex(String entity, String table, String name) {
		this(entity, table, name, null);
	}

}
