package io.dddpersistence.lifecycle;

/**
 * Runs code of the application's when entities of type {@code T} (or of its subtypes) are created,
 * updated, archived, restored or deleted, on every write path that goes through the persistence
 * context: {@code DomainRepository}, Spring Data's {@code save} and {@code delete}, the
 * {@code EntityManager}'s {@code persist}, {@code merge} and {@code remove}, and cascades. A hook is
 * a Spring bean; several hooks run in {@link org.springframework.core.annotation.Order @Order}.
 * Implement only the methods you need:
 *
 * <pre class="code">
 * &#64;Component
 * class DocumentSlugs implements EntityLifecycleHook&lt;Document&gt; {
 *
 *     &#64;Override
 *     public void beforeCreate(Document document) {
 *         document.setSlug(Slugs.of(document.getTitle()));
 *     }
 *
 * }
 * </pre>
 *
 * <ul>
 * <li>The {@code before} methods run inside the transaction, as the entity is flushed, after the
 * library has set its audit and tenant values. A change a {@code before} method makes to the entity
 * is written with it (in the same statement: a versioned entity's version goes up once); an
 * exception it throws vetoes the write, and the transaction rolls back with nothing written.</li>
 * <li>The {@code after} methods run once the transaction has committed, never after a rollback.
 * An exception they throw cannot undo the commit: it is logged and counted
 * ({@code ddd.lifecycle.hook.failures}), and the other hooks still run.</li>
 * <li>On an archivable entity a delete archives it: the archive methods run, not the delete
 * ones. The delete methods run for a real delete (an entity without the archive trait, or a
 * purge).</li>
 * <li>Bulk JPQL or SQL statements ({@code update ... where}, {@code delete ... where}) bypass the
 * persistence context, and no hook runs for them.</li>
 * </ul>
 *
 * @param <T> the entity type (a supertype or interface: the hook runs for every entity assignable to it)
 */
public interface EntityLifecycleHook<T> {

	/** Before a new entity is inserted. */
	default void beforeCreate(T entity) {
	}

	/** After the transaction that inserted the entity committed. */
	default void afterCreate(T entity) {
	}

	/**
	 * Before a changed entity is updated.
	 * @param changes the properties that changed, with the values before and after (the audit and
	 * version the library maintains are not among them)
	 */
	default void beforeUpdate(T entity, PropertyChanges changes) {
	}

	/** After the transaction that updated the entity committed. */
	default void afterUpdate(T entity, PropertyChanges changes) {
	}

	/** Before an entity is archived (its archive trait marked, by a delete or by {@code archive}). */
	default void beforeArchive(T entity) {
	}

	/** After the transaction that archived the entity committed. */
	default void afterArchive(T entity) {
	}

	/** Before an archived entity is restored. */
	default void beforeRestore(T entity) {
	}

	/** After the transaction that restored the entity committed. */
	default void afterRestore(T entity) {
	}

	/** Before an entity is deleted for good (a delete of an entity that cannot be archived, or a purge). */
	default void beforeDelete(T entity) {
	}

	/** After the transaction that deleted the entity committed. */
	default void afterDelete(T entity) {
	}

}
