package io.dddpersistence.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Writes application events whose type is marked {@link Externalized} to the outbox, as they are
 * published. Spring Data publishes an aggregate's domain events while {@code save} runs, in the
 * caller's transaction, so the messages commit or roll back with the aggregate; saving outside a
 * transaction fails, as {@link OutboxWriter} does.
 */
public class DomainEventCapture implements GenericApplicationListener {

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	private final OutboxWriter writer;

	private final Map<Class<?>, Target> targets = new ConcurrentHashMap<>();

	private final EvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().build();

	public DomainEventCapture(OutboxWriter writer) {
		this.writer = writer;
	}

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		Class<?> type = eventType.toClass();
		if (PayloadApplicationEvent.class.isAssignableFrom(type)) {
			type = eventType.as(PayloadApplicationEvent.class).getGeneric().toClass();
		}
		return AnnotatedElementUtils.hasAnnotation(type, Externalized.class);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		Object payload = (event instanceof PayloadApplicationEvent<?> wrapped) ? wrapped.getPayload() : event;
		Target target = this.targets.computeIfAbsent(payload.getClass(), Target::of);
		if (target == null) {
			return;
		}
		OutboundMessage message = OutboundMessage.of(target.destination(), payload).key(key(target, payload));
		if (target.eventType() != null) {
			message = message.eventType(target.eventType());
		}
		this.writer.write(message);
	}

	private @Nullable String key(Target target, Object payload) {
		if (target.key() == null) {
			return null;
		}
		Object value = target.key().getValue(this.context, payload);
		return (value != null) ? value.toString() : null;
	}

	private record Target(@Nullable String destination, @Nullable Expression key, @Nullable String eventType) {

		static @Nullable Target of(Class<?> type) {
			Externalized externalized = AnnotatedElementUtils.findMergedAnnotation(type, Externalized.class);
			if (externalized == null) {
				return null;
			}
			return new Target(emptyToNull(externalized.destination()),
					externalized.key().isEmpty() ? null : PARSER.parseExpression(externalized.key()),
					emptyToNull(externalized.eventType()));
		}

		private static @Nullable String emptyToNull(String value) {
			return value.isEmpty() ? null : value;
		}

	}

}
