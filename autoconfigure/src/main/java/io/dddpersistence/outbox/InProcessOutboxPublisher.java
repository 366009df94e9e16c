package io.dddpersistence.outbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each {@link OutboxMessage} as a Spring application event, for listeners in the same
 * application ({@code @EventListener void on(OutboxMessage message)}). Listeners run on the
 * poller's thread, after the business transaction committed, and may see a message twice; a
 * listener that throws fails that message, which is then retried.
 */
class InProcessOutboxPublisher implements OutboxPublisher {

	private final ApplicationEventPublisher events;

	InProcessOutboxPublisher(ApplicationEventPublisher events) {
		this.events = events;
	}

	// a batch takes milliseconds: the poller may hold it locked instead of leased
	@Override
	public boolean publishesQuickly() {
		return true;
	}

	@Override
	public List<PublishFailure> publish(List<OutboxMessage> batch) {
		List<PublishFailure> failures = new ArrayList<>();
		for (OutboxMessage message : batch) {
			try {
				this.events.publishEvent(message);
			}
			catch (RuntimeException ex) {
				failures.add(new PublishFailure(message, ex.getClass().getName() + ": " + ex.getMessage()));
			}
		}
		return failures;
	}

}
