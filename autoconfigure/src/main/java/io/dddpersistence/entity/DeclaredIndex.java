package io.dddpersistence.entity;

/**
 * An index an entity's traits declare, which the start-up check looks for in the database.
 *
 * @param entity the entity class name that declares it
 * @param table the table name (unqualified)
 * @param name the index name
 */
public record DeclaredIndex(String entity, String table, String name) {

}
