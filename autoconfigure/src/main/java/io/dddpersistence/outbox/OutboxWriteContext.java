package io.dddpersistence.outbox;

import java.util.Collection;
import java.util.Objects;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/** What an {@link OutboxObservation#WRITE} observation knows: the messages being written. */
public class OutboxWriteContext extends Observation.Context {

	private final Collection<OutboundMessage> messages;

	public OutboxWriteContext(Collection<OutboundMessage> messages) {
		this.messages = messages;
	}

	/** The messages of this write. */
	public Collection<OutboundMessage> getMessages() {
		return this.messages;
	}

	/** The destination all the messages share, {@code null} for the publisher's default; {@code "mixed"} when they differ. */
	public @Nullable String getDestination() {
		@Nullable String destination = null;
		boolean first = true;
		for (OutboundMessage message : this.messages) {
			if (first) {
				destination = message.destination();
				first = false;
			}
			else if (!Objects.equals(destination, message.destination())) {
				return "mixed";
			}
		}
		return destination;
	}

}
