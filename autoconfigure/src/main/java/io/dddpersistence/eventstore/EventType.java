package io.dddpersistence.eventstore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event class for storage. The name, not the Java class name, is what the store keeps,
 * so the class can be renamed or moved; the revision says which shape of the payload the class has.
 * <pre class="code">
 * &#64;EventType(value = "order-placed", revision = 2)
 * record OrderPlaced(String customer, BigDecimal total) { }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface EventType {

	/** The stable type name, e.g. {@code order-placed}. */
	String value();

	/** The payload revision of this class; raise it when the shape changes and add an upcaster. */
	int revision() default 1;

}
