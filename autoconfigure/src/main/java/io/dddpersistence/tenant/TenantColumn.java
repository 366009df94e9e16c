package io.dddpersistence.tenant;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field that holds an entity's tenant. The library fills it on insert from the current
 * tenant of the field's level, and every read, update and delete of the entity is restricted to
 * that tenant; with no current tenant, the operation fails with
 * {@link io.dddpersistence.error.MissingTenantException} and nothing is read or written. The
 * column name is the field's (or its {@code @Column}'s) name, such as {@code tenant_id},
 * {@code business_id} or {@code station_id}, and its type is {@code String}, {@code UUID},
 * {@code Long} or {@code Integer} (one type per level); the current tenant, text as the header sends
 * it, is converted to it, and one that does not convert fails with
 * {@link io.dddpersistence.error.MalformedTenantException}. Two fields with different levels give an
 * entity two tenant levels, both enforced.
 *
 * <pre class="code">
 * &#64;TenantColumn
 * private String businessId;
 *
 * &#64;TenantColumn(level = "station")
 * private UUID stationId;
 * </pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TenantColumn {

	/** The default tenant level. */
	String DEFAULT_LEVEL = "tenant";

	/** The tenant level this column holds; each level is resolved and bound separately. */
	String level() default DEFAULT_LEVEL;

}
