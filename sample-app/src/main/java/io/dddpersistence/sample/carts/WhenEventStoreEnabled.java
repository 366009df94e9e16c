package io.dddpersistence.sample.carts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * The carts are there only with the library's event store, which configuration may switch off.
 * The switch itself rather than the event store's beans: a bean condition
 * on a scanned component is evaluated before the auto-configuration has registered those beans.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = "ddd.persistence.event-store.enabled", matchIfMissing = true)
@interface WhenEventStoreEnabled {

}
