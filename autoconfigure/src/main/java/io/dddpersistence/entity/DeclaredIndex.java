package io.dddpersistence.entity;

import org.jspecify.annotations.Nullable;

import io.dddpersistence.vendor.DatabaseVendor;

/**
 * An index an entity's traits declare, which the start-up check looks for in the database, with the
 * statements that create it on each database, as the mapping does: the check prints the one for the
 * database it finds, so that a missing index comes with something to run on H2 as on PostgreSQL.
 *
 * @param entity the entity class name that declares it
 * @param table the table name (unqualified)
 * @param name the index name
 * @param ddl the PostgreSQL statement that creates it, printed when it is missing; null if not known
 * @param h2Ddl the H2 statements that create it (one a line, each ended by a semicolon; a
 * unique-among-active index adds its marker column first); null if not known
 */
public record DeclaredIndex(String entity, String table, String name, @Nullable String ddl, @Nullable String h2Ddl) {

	/** An index whose statement the check prints on PostgreSQL only. */
	public DeclaredIndex(String entity, String table, String name, @Nullable String ddl) {
		this(entity, table, name, ddl, null);
	}

	/** An index whose statement the check does not print. */
	public DeclaredIndex(String entity, String table, String name) {
		this(entity, table, name, null, null);
	}

	/** The statements that create the index on the vendor's database, or null if not known. */
	public @Nullable String ddl(DatabaseVendor vendor) {
		return switch (vendor) {
			case POSTGRESQL -> this.ddl;
			case H2 -> this.h2Ddl;
		};
	}

}
