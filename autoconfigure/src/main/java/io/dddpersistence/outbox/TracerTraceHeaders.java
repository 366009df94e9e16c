package io.dddpersistence.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * {@link TraceHeaders} with Micrometer Tracing: the application's {@link Propagator} writes the
 * current context into the headers (W3C {@code traceparent} and {@code tracestate}, and
 * {@code baggage} where the propagator carries it), and a stored W3C {@code traceparent} becomes the
 * current context again at publication. Only loaded when Micrometer Tracing is on the classpath.
 */
final class TracerTraceHeaders implements TraceHeaders {

	static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	TracerTraceHeaders(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** Trace headers from the application's tracer and propagator, {@link TraceHeaders#NONE} without either. */
	static TraceHeaders of(@Nullable Tracer tracer, @Nullable Propagator propagator) {
		return (tracer != null && propagator != null) ? new TracerTraceHeaders(tracer, propagator) : NONE;
	}

	@Override
	public Map<String, String> current() {
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context == null) {
			return Map.of();
		}
		Map<String, String> headers = new LinkedHashMap<>();
		this.propagator.inject(context, headers, (carrier, name, value) -> headers.put(name, value));
		return headers;
	}

	@Override
	public Restored restore(Map<String, String> headers) {
		TraceContext parent = parse(headers.get(TRACEPARENT));
		if (parent == null) {
			return Restored.NOTHING;
		}
		CurrentTraceContext.Scope scope = this.tracer.currentTraceContext().newScope(parent);
		return scope::close;
	}

	// version-traceid-spanid-flags, as W3C Trace Context writes it: 00-<32 hex>-<16 hex>-<2 hex>
	private @Nullable TraceContext parse(@Nullable String traceparent) {
		if (traceparent == null || traceparent.length() < 55 || traceparent.charAt(2) != '-'
				|| traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-') {
			return null;
		}
		String traceId = traceparent.substring(3, 35);
		String spanId = traceparent.substring(36, 52);
		int flags;
		try {
			flags = Integer.parseInt(traceparent.substring(53, 55), 16);
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (!isHex(traceId) || !isHex(spanId)) {
			return null;
		}
		return this.tracer.traceContextBuilder().traceId(traceId).spanId(spanId).sampled((flags & 1) == 1).build();
	}

	private static boolean isHex(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (Character.digit(value.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

}
