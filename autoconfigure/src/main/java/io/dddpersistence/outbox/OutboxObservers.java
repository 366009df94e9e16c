package io.dddpersistence.outbox;

import java.time.Duration;
import java.util.List;

/** Tells every observer bean (the outbox metrics, the application's own) what the poller did. */
record OutboxObservers(List<OutboxObserver> all) implements OutboxObserver {

	OutboxObservers {
		all = List.copyOf(all);
	}

	@Override
	public void published(OutboxMessage message, Duration latency) {
		this.all.forEach((observer) -> observer.published(message, latency));
	}

	@Override
	public void failed(int count) {
		this.all.forEach((observer) -> observer.failed(count));
	}

	@Override
	public void dead(int count) {
		this.all.forEach((observer) -> observer.dead(count));
	}

	@Override
	public void failed(List<OutboxMessage> messages) {
		this.all.forEach((observer) -> observer.failed(messages));
	}

	@Override
	public void dead(List<OutboxMessage> messages) {
		this.all.forEach((observer) -> observer.dead(messages));
	}

}
