package io.dddpersistence.outbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a domain event type for the outbox: when an aggregate registers such an event (Spring
 * Data {@code @DomainEvents} or {@code AbstractAggregateRoot.registerEvent}) and is saved, the
 * event is written to the outbox in the same transaction by {@link DomainEventCapture}.
 *
 * <pre class="code">
 * &#064;Externalized(destination = "orders", key = "orderId")
 * record OrderPlaced(UUID orderId, BigDecimal total) {}
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Externalized {

	/** Where to publish: exchange or topic; empty for the publisher's default. */
	String destination() default "";

	/**
	 * The routing/partition and ordering key, as a SpEL expression on the event: a property name
	 * ({@code orderId}) or a path ({@code order.customer.id}); empty for none.
	 */
	String key() default "";

	/** The event type stored with the message; empty for the event's class name. */
	String eventType() default "";

}
