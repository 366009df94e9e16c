package io.dddpersistence.entity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a group of columns whose values must be unique among the active (not archived) rows
 * of an archivable entity, as a partial unique index {@code uq_<table>_archivable_<cols>}. Repeat
 * it for several groups. Column names are the database names (snake_case).
 * <p>
 * On a tenant-scoped entity a group must name the tenant column (unique per tenant), or say
 * {@link #acrossTenants()}: a value unique across tenants lets one tenant learn, from its
 * duplicate-value error, that another tenant holds it, so start-up refuses a group that leaves the
 * tenant out without saying so.
 *
 * <pre class="code">
 * &#64;UniqueAmongActive("code")
 * &#64;UniqueAmongActive({"event_id", "seat_number"})
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(UniqueAmongActive.List.class)
public @interface UniqueAmongActive {

	/** The database column names of the group, in index order. */
	String[] value();

	/**
	 * On a tenant-scoped entity, whether the group is meant to be unique across all tenants rather
	 * than per tenant (the group then leaves the tenant column out on purpose).
	 */
	boolean acrossTenants() default false;

	/** Holds repeated {@link UniqueAmongActive} declarations. */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		UniqueAmongActive[] value();

	}

}
