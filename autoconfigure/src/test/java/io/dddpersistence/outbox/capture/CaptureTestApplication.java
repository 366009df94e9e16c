package io.dddpersistence.outbox.capture;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.dddpersistence.outbox.OutboxMessage;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@SpringBootApplication
class CaptureTestApplication {

	/** What the in-process publisher delivered. */
	@Component
	static class Received {

		final Queue<OutboxMessage> messages = new ConcurrentLinkedQueue<>();

		@EventListener
		void on(OutboxMessage message) {
			this.messages.add(message);
		}

	}

}
