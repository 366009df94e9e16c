package io.dddpersistence.eventstore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The base of an aggregate whose state is the sum of its events. A subclass registers one handler
 * per event class in its constructor; commands check the rules and {@link #raise(Object)} events,
 * which are applied at once and saved by {@link EventSourcedRepository#save}. Loading replays the
 * stored events through the same handlers, so handlers change state only and never check rules.
 * <pre class="code">
 * class Order extends EventSourcedAggregate {
 *     private int lines;
 *     Order(String id) {
 *         super(id);
 *         on(LineAdded.class, (event) -&gt; this.lines++);
 *     }
 *     void addLine(String sku) {
 *         raise(new LineAdded(sku));
 *     }
 * }
 * </pre>
 */
public abstract class EventSourcedAggregate {

	private final String id;

	private long version;

	private final List<Object> uncommitted = new ArrayList<>();

	private final Map<Class<?>, Consumer<Object>> handlers = new LinkedHashMap<>();

	protected EventSourcedAggregate(String id) {
		this.id = id;
	}

	/** Registers how an event class changes the state; call it from the constructor. */
	@SuppressWarnings("unchecked")
	protected final <E> void on(Class<E> eventClass, Consumer<? super E> handler) {
		if (this.handlers.putIfAbsent(eventClass, (Consumer<Object>) handler) != null) {
			throw new IllegalStateException(getClass().getSimpleName() + " registers two handlers for "
					+ eventClass.getSimpleName());
		}
	}

	/** Applies a new event to the state and keeps it to be saved. */
	protected final void raise(Object event) {
		apply(event);
		this.uncommitted.add(event);
	}

	public String id() {
		return this.id;
	}

	/** The version stored so far: the number of saved events, 0 for a new aggregate. */
	public long version() {
		return this.version;
	}

	/** The events raised since the aggregate was loaded or last saved. */
	public List<Object> uncommittedEvents() {
		return Collections.unmodifiableList(this.uncommitted);
	}

	final void replay(Object event, long eventVersion) {
		apply(event);
		this.version = eventVersion;
	}

	final void restoredAt(long snapshotVersion) {
		this.version = snapshotVersion;
	}

	final void markCommitted(long newVersion) {
		this.uncommitted.clear();
		this.version = newVersion;
	}

	final Set<Class<?>> handledEventClasses() {
		return this.handlers.keySet();
	}

	private void apply(Object event) {
		Consumer<Object> handler = this.handlers.get(event.getClass());
		if (handler == null) {
			throw new IllegalStateException(getClass().getSimpleName() + " " + this.id + " has no handler for "
					+ event.getClass().getName() + "; register one with on(" + event.getClass().getSimpleName()
					+ ".class, ...) in its constructor");
		}
		handler.accept(event);
	}

}
