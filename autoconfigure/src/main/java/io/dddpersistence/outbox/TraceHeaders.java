package io.dddpersistence.outbox;

import java.util.Map;

/**
 * The trace context as outbox message headers: read from the current span when a message is
 * written, and put back in scope as the parent of the message's publication. Without a tracer it is
 * {@link #NONE}, and nothing of Micrometer Tracing is loaded.
 */
interface TraceHeaders {

	/** No tracer: nothing is stored, nothing is restored. */
	TraceHeaders NONE = new TraceHeaders() {

		@Override
		public Map<String, String> current() {
			return Map.of();
		}

		@Override
		public Restored restore(Map<String, String> headers) {
			return Restored.NOTHING;
		}

	};

	/** The current trace context as headers ({@code traceparent}, {@code tracestate}, ...), empty outside a trace. */
	Map<String, String> current();

	/** Puts the trace context stored in {@code headers} in scope until the result is closed. */
	Restored restore(Map<String, String> headers);

	/** A restored trace context; closing it puts back what was in scope before. */
	@FunctionalInterface
	interface Restored extends AutoCloseable {

		/** Nothing was restored. */
		Restored NOTHING = () -> {
		};

		@Override
		void close();

	}

}
