package io.dddpersistence.outbox;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations the outbox makes: a write in the business transaction, a poller's claim of a
 * batch, and the publication of each message. With Micrometer Tracing each one is a span, and the
 * publication of a message is a child of the span that wrote it; with a meter registry each one is a
 * timer. Their names and tags come from the conventions, which a bean of the convention's type
 * replaces.
 */
public enum OutboxObservation implements ObservationDocumentation {

	/** {@link OutboxWriter} writing messages in the caller's transaction. */
	WRITE {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return OutboxWriteObservationConvention.Default.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { OutboxKeys.DESTINATION };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { OutboxKeys.MESSAGES };
		}
	},

	/** A poller claiming a batch of due messages, one short transaction. */
	CLAIM {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return OutboxClaimObservationConvention.Default.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { OutboxKeys.ORDERED };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { OutboxKeys.POLLER, OutboxKeys.MESSAGES };
		}
	},

	/**
	 * The publication of one message, from the moment its batch goes to the publisher until the
	 * publisher returned (broker confirmations included).
	 */
	PUBLISH {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return OutboxPublishObservationConvention.Default.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { OutboxKeys.DESTINATION, OutboxKeys.PUBLISHER, OutboxKeys.OUTCOME };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { OutboxKeys.MESSAGE_ID, OutboxKeys.EVENT_TYPE };
		}
	};

	/** The tags of the outbox's observations. */
	public enum OutboxKeys implements KeyName {

		/** Where the messages go; {@code default} for the publisher's default, {@code mixed} for a write to several. */
		DESTINATION("destination"),

		/** The publisher: {@code in-process}, {@code rabbitmq}, {@code kafka}, or the class of the application's own. */
		PUBLISHER("publisher"),

		/** What became of a message: {@code published}, {@code failed} (retried later) or {@code unavailable} (the whole batch failed). */
		OUTCOME("outcome"),

		/** Whether the poller claims in per-key order. */
		ORDERED("ordered"),

		/** The poller's id. */
		POLLER("poller"),

		/** How many messages were written or claimed. */
		MESSAGES("messages"),

		/** The message id. */
		MESSAGE_ID("message.id"),

		/** The message's event type. */
		EVENT_TYPE("event.type");

		private final String name;

		OutboxKeys(String name) {
			this.name = name;
		}

		@Override
		public String asString() {
			return this.name;
		}

	}

}
