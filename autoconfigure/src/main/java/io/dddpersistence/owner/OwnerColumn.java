package io.dddpersistence.owner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code String} field that holds the owner of an entity's rows. The library fills it on
 * insert from the current owner ({@link OwnerResolver}: the application's {@code AuditorAware}, else
 * the authenticated principal), and restricts every read (find by id, references, derived queries,
 * JPQL, specifications, counts, pages, associations) to the current owner's rows unless the
 * {@link OwnerPolicy} says the current principal sees every row. Updating or deleting another
 * owner's row fails with {@link io.dddpersistence.error.ForeignOwnerException} and changes nothing;
 * with no current owner, reads and writes fail with
 * {@link io.dddpersistence.error.MissingOwnerException}. Composes with tenancy: both apply.
 *
 * <pre class="code">
 * &#64;OwnerColumn
 * private String ownerId;
 * </pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OwnerColumn {

}
