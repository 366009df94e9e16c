package io.dddpersistence.sample.orders;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * The orders are there only with the library's outbox, which configuration may switch off.
 * The switch itself rather than the outbox's beans: a bean condition on a
 * scanned component is evaluated before the auto-configuration has registered those beans.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.enabled", matchIfMissing = true)
@interface WhenOutboxEnabled {

}
