package io.dddpersistence.specification.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Narrows the search whitelist for one endpoint's {@code SearchRequest} parameter, and names the
 * entity when the parameter's type argument cannot tell it. An empty list keeps the entity's own.
 *
 * <pre class="code">
 * &#64;GetMapping("/orders")
 * Page&lt;Order&gt; orders(&#64;SearchFields(filter = {"status", "total"}, sort = "created_at") SearchRequest&lt;Order&gt; search)
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SearchFields {

	/** The entity searched; by default the type argument of {@code SearchRequest}. */
	Class<?> entity() default void.class;

	/** The paths this endpoint may filter on; empty keeps the entity's whitelist. */
	String[] filter() default {};

	/** The paths this endpoint may sort by; empty keeps the entity's whitelist. */
	String[] sort() default {};

}
