package io.dddpersistence.specification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an attribute that no search may ever filter or sort by, whatever a whitelist says: naming it
 * in one fails at start-up. Attributes named like passwords, secrets, tokens or credentials are
 * treated as sensitive without the annotation.
 */
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Sensitive {

}
