package io.dddpersistence.entity;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Prepares the connection on which the library reads an entity's stored version after a stale
 * write, so that the read sees what the failed transaction would have seen. After a conflict the
 * library reads the current version (and whether the row was archived or deleted) in a short
 * read-only transaction of its own, on a connection of its own; a bean of this type is called on
 * that connection right after the transaction begins. Row-level security uses it to set the
 * current tenant, without which the policies would hide the row and it would look deleted.
 *
 * <pre class="code">
 * &#64;Bean
 * VersionLookupCustomizer shortVersionLookups() {
 *     return (connection) -&gt; {
 *         try (Statement statement = connection.createStatement()) {
 *             statement.execute("set local statement_timeout = 1000");
 *         }
 *     };
 * }
 * </pre>
 */
@FunctionalInterface
public interface VersionLookupCustomizer {

	/** Called inside the lookup's transaction, before its query runs. */
	void customize(Connection connection) throws SQLException;

}
