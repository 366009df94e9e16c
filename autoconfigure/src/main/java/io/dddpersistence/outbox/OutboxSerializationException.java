package io.dddpersistence.outbox;

/**
 * A payload (or its headers) could not be written as JSON. Thrown by {@link OutboxWriter} in the
 * caller's transaction, which then rolls back: a message that cannot be stored must not let its
 * business change commit alone.
 */
public class OutboxSerializationException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String payloadType;

	public OutboxSerializationException(String payloadType, String eventType, Throwable cause) {
		super("Cannot write the outbox payload of type " + payloadType + " (event type '" + eventType
				+ "') as JSON: " + cause.getMessage()
				+ ". Give it public getters or Jackson annotations, or write a JsonNode/Map instead.", cause);
		this.payloadType = payloadType;
	}

	/** The class of the payload that could not be serialized. */
	public String getPayloadType() {
		return this.payloadType;
	}

}
