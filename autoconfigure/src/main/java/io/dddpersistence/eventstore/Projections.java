package io.dddpersistence.eventstore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dddpersistence.wakeup.WakeUpChannel;

import org.springframework.context.SmartLifecycle;

/**
 * The catch-up subscriptions of the application, one per {@link Projection}: started with the
 * application context and stopped with it, with a reset-and-rebuild per projection and their
 * status for health and metrics.
 */
public class Projections implements SmartLifecycle {

	private final Map<String, CatchUpSubscription> subscriptions = new LinkedHashMap<>();

	private volatile boolean running;

	private final WakeUpChannel wakeUps;

	private final Runnable wakeUp = this::wake;

	Projections(List<CatchUpSubscription> subscriptions) {
		this(subscriptions, WakeUpChannel.disabled(EventStoreProperties.DEFAULTS.wakeUps().notifyChannel()));
	}

	/** Subscriptions that also read as soon as an append on {@code wakeUps} commits. */
	Projections(List<CatchUpSubscription> subscriptions, WakeUpChannel wakeUps) {
		this.wakeUps = wakeUps;
		for (CatchUpSubscription subscription : subscriptions) {
			if (this.subscriptions.putIfAbsent(subscription.name(), subscription) != null) {
				throw new IllegalStateException("Two projections are named '" + subscription.name()
						+ "'; each needs a name of its own, it keys its checkpoint");
			}
		}
	}

	@Override
	public void start() {
		this.subscriptions.values().forEach(CatchUpSubscription::start);
		this.wakeUps.subscribe(this.wakeUp);
		this.running = true;
	}

	@Override
	public void stop() {
		this.wakeUps.unsubscribe(this.wakeUp);
		this.subscriptions.values().forEach(CatchUpSubscription::stop);
		this.running = false;
	}

	private void wake() {
		this.subscriptions.values().forEach(CatchUpSubscription::wake);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Clears the named projection and rebuilds it from position 0. */
	public void reset(String name) {
		subscription(name).reset();
	}

	/** The named projection's checkpoint, lag and failures. */
	public SubscriptionStatus status(String name) {
		return subscription(name).status();
	}

	CatchUpSubscription subscription(String name) {
		CatchUpSubscription subscription = this.subscriptions.get(name);
		if (subscription == null) {
			throw new IllegalArgumentException("No projection is named '" + name + "'; known: "
					+ this.subscriptions.keySet());
		}
		return subscription;
	}

	public List<SubscriptionStatus> statuses() {
		return this.subscriptions.values().stream().map(CatchUpSubscription::status).toList();
	}

	List<CatchUpSubscription> subscriptions() {
		return List.copyOf(this.subscriptions.values());
	}

}
