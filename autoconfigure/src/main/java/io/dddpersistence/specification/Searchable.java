package io.dddpersistence.specification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares on an entity which field paths a search may filter and sort by, replacing the default
 * (the entity's own basic attributes that are neither {@link Sensitive} nor {@link NotSearchable}).
 * Paths may go through associations ({@code customer.address.city}) and may be snake_case or
 * camelCase. A {@code SearchableFields} bean for the entity takes precedence over this annotation.
 *
 * <pre class="code">
 * &#64;Entity
 * &#64;Searchable(filter = {"status", "total", "customer.name", "lines.product"}, sort = {"createdAt", "total"})
 * class Order { ... }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Searchable {

	/** The paths a filter may use; empty means the default. */
	String[] filter() default {};

	/** The paths a sort may use; empty means the default. */
	String[] sort() default {};

}
