package io.dddpersistence.patch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The properties a merge patch may write: on an entity, for every patch of it; on a
 * {@link MergePatchRequest} parameter, for that endpoint (instead of the entity's). A writable
 * embedded value object may be patched field by field. Whatever is listed, the key, the version,
 * the tenant, the audit and archive traits, associations and {@code @Sensitive} fields are never
 * writable; without this annotation nothing is.
 */
@Target({ ElementType.TYPE, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Writable {

	/** The names of the writable properties. */
	String[] value();

}
