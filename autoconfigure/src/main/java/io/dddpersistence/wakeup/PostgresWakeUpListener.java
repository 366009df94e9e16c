package io.dddpersistence.wakeup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import io.dddpersistence.vendor.DatabaseVendor;
import io.dddpersistence.vendor.DatabaseVendors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import org.springframework.context.SmartLifecycle;

/**
 * Carries wake-ups between instances on PostgreSQL. A daemon thread holds one connection of the
 * data source, {@code LISTEN}s on every enabled channel and wakes the channel's subscribers in this
 * process on each notification from another instance. When that connection dies it reconnects with
 * exponential back-off; meanwhile the subscribers poll at their interval, and each (re)connection
 * wakes them once, for what was notified while nobody listened. A second daemon thread sends the
 * notifications of this process's commits, {@code pg_notify(channel, instance)} on a connection it
 * borrows for the purpose, coalescing the commits that arrive while it sends: a notification leaves
 * only after the write committed, and a writer pays no statement for it.
 * <p>
 * Started before the pollers and subscriptions it wakes, stopped after them. On another database it
 * does nothing: the wake-ups stay in the process.
 */
final class PostgresWakeUpListener implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PostgresWakeUpListener.class);

	/** The {@code application_name} of the listener connection, as {@code pg_stat_activity} shows it. */
	static final String APPLICATION_NAME = "ddd-persistence-wake-ups";

	/** Before the pollers and subscriptions (default phase), so it is listening when they start. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

	private static final int RECEIVE_TIMEOUT_MS = 500;

	private final DataSource dataSource;

	private final Map<String, List<WakeUpChannel>> channels = new LinkedHashMap<>();

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	// the payload of this instance's notifications, so its listener skips its own
	private final String instanceId = UUID.randomUUID().toString();

	private final Object monitor = new Object();

	private final Set<String> toNotify = new LinkedHashSet<>();

	private volatile boolean running;

	private volatile boolean listening;

	private volatile int connections;

	private final DatabaseVendors vendors;

	private @Nullable Thread listener;

	private @Nullable Thread notifier;

	PostgresWakeUpListener(DataSource dataSource, List<WakeUpChannel> channels, DatabaseVendors vendors) {
		this(dataSource, channels, Duration.ofMillis(100), Duration.ofSeconds(30), vendors);
	}

	PostgresWakeUpListener(DataSource dataSource, List<WakeUpChannel> channels, Duration initialBackoff,
			Duration maxBackoff) {
		this(dataSource, channels, initialBackoff, maxBackoff, new DatabaseVendors());
	}

	PostgresWakeUpListener(DataSource dataSource, List<WakeUpChannel> channels, Duration initialBackoff,
			Duration maxBackoff, DatabaseVendors vendors) {
		this.dataSource = dataSource;
		this.vendors = vendors;
		for (WakeUpChannel channel : channels) {
			if (channel.isEnabled()) {
				this.channels.computeIfAbsent(channel.name(), (name) -> new ArrayList<>()).add(channel);
			}
		}
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running || this.channels.isEmpty() || !onPostgresql()) {
				return;
			}
			this.running = true;
			this.channels.forEach((name, named) -> named.forEach((channel) -> channel.relayTo(() -> notifyOthers(name))));
			this.listener = daemon(this::listen, "ddd-wake-up-listener");
			this.notifier = daemon(this::sendNotifications, "ddd-wake-up-notifier");
		}
	}

	@Override
	public void stop() {
		Thread listening;
		Thread notifying;
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			this.channels.values().forEach((named) -> named.forEach((channel) -> channel.relayTo(null)));
			this.monitor.notifyAll();
			listening = this.listener;
			notifying = this.notifier;
		}
		join(listening);
		join(notifying);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Whether the listener connection is up and listening now. */
	boolean isListening() {
		return this.listening;
	}

	/** How many times the listener connection was opened. */
	int connections() {
		return this.connections;
	}

	private boolean onPostgresql() {
		try {
			return this.vendors.find(this.dataSource).orElse(null) == DatabaseVendor.POSTGRESQL;
		}
		catch (RuntimeException ex) {
			logger.debug("Wake-ups stay in the process: " + ex.getMessage());
			return false;
		}
	}

	private void listen() {
		int failures = 0;
		while (this.running) {
			try (Connection connection = this.dataSource.getConnection()) {
				try {
					listenOn(connection);
					failures = 0;
					receive(connection.unwrap(PGConnection.class));
					try (Statement statement = connection.createStatement()) {
						statement.execute("UNLISTEN *");
						statement.execute("RESET application_name");
					}
				}
				catch (SQLException | RuntimeException ex) {
					letThePoolSee(connection);
					throw ex;
				}
			}
			catch (SQLException | RuntimeException ex) {
				this.listening = false;
				if (this.running) {
					failures++;
					long backoff = backoffMillis(failures);
					logger.warn("The wake-up listener lost its connection (" + ex.getMessage() + "); pollers and "
							+ "subscriptions poll at their interval until it reconnects, in " + backoff + " ms");
					pause(backoff);
				}
			}
			finally {
				this.listening = false;
			}
		}
	}

	private void listenOn(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.setAutoCommit(true);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
			for (String channel : this.channels.keySet()) {
				statement.execute("LISTEN " + channel);
			}
		}
		this.connections++;
		// whatever was notified while nobody listened
		this.channels.values().forEach((named) -> named.forEach(WakeUpChannel::wakeLocally));
		this.listening = true;
	}

	// The failure came through the driver's own connection, which a pool does not watch: a statement
	// through the pool's connection shows it the breakage, so it does not hand that connection out again.
	private static void letThePoolSee(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");
		}
		catch (SQLException | RuntimeException ex) {
			// expected: the connection is gone
		}
	}

	private void receive(PGConnection postgres) throws SQLException {
		while (this.running) {
			PGNotification[] notifications = postgres.getNotifications(RECEIVE_TIMEOUT_MS);
			if (notifications == null) {
				continue;
			}
			Set<String> woken = new LinkedHashSet<>();
			for (PGNotification notification : notifications) {
				if (!this.instanceId.equals(notification.getParameter())) {
					woken.add(notification.getName());
				}
			}
			for (String channel : woken) {
				List<WakeUpChannel> named = this.channels.get(channel);
				if (named != null) {
					named.forEach(WakeUpChannel::wakeLocally);
				}
			}
		}
	}

	long backoffMillis(int failures) {
		long initial = Math.max(1, this.initialBackoff.toMillis());
		long backoff = initial << Math.min(20, Math.max(0, failures - 1));
		return Math.min(backoff, this.maxBackoff.toMillis());
	}

	private void notifyOthers(String channel) {
		synchronized (this.monitor) {
			if (this.toNotify.add(channel)) {
				this.monitor.notifyAll();
			}
		}
	}

	private void sendNotifications() {
		while (this.running) {
			List<String> channels;
			synchronized (this.monitor) {
				while (this.running && this.toNotify.isEmpty()) {
					try {
						this.monitor.wait();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
				channels = List.copyOf(this.toNotify);
				this.toNotify.clear();
			}
			if (!channels.isEmpty()) {
				send(channels);
			}
		}
	}

	private void send(List<String> channels) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
			for (String channel : channels) {
				notify.setString(1, channel);
				notify.setString(2, this.instanceId);
				notify.execute();
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException | RuntimeException ex) {
			// the other instances poll at their interval
			logger.debug("Could not notify other instances on " + channels + ": " + ex.getMessage());
		}
	}

	private void pause(long millis) {
		long deadline = System.nanoTime() + millis * 1_000_000L;
		synchronized (this.monitor) {
			long left;
			while (this.running && (left = deadline - System.nanoTime()) > 0) {
				try {
					this.monitor.wait(Math.max(1, left / 1_000_000L));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private static Thread daemon(Runnable work, String name) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static void join(@Nullable Thread thread) {
		if (thread == null) {
			return;
		}
		try {
			thread.join(RECEIVE_TIMEOUT_MS * 4L);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
