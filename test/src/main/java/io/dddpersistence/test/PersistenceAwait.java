package io.dddpersistence.test;

import java.time.Duration;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits, in a test, for the library's background work to catch up: the outbox's pollers to have
 * relayed every message, a projection to have applied every event appended so far. Each reads the
 * library's tables with plain JDBC, polling every 20 ms (no fixed sleeps), and fails after the
 * timeout with what it saw.
 *
 * <pre class="code">
 * orders.place(order);
 * PersistenceAwait.outboxDrained(dataSource);
 * PersistenceAwait.projectionCaughtUp(dataSource, "order-summaries");
 * </pre>
 */
public final class PersistenceAwait {

	/** How long a wait lasts unless told otherwise. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration POLL = Duration.ofMillis(20);

	private PersistenceAwait() {
	}

	/** Waits until no outbox message is pending (dead messages do not count); at most 10 s. */
	public static void outboxDrained(DataSource dataSource) {
		outboxDrained(dataSource, DEFAULT_TIMEOUT);
	}

	/** Waits until no outbox message is pending (dead messages do not count). */
	public static void outboxDrained(DataSource dataSource, Duration timeout) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		try {
			Awaitility.await().atMost(timeout).pollInterval(POLL).until(() -> pending(jdbc) == 0);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("The outbox still had " + pending(jdbc) + " pending message(s) after " + timeout
					+ " (is a poller running? ddd.persistence.outbox.poller-enabled)", ex);
		}
	}

	/**
	 * Waits until the subscription {@code name} (a projection's name) has handled every event
	 * appended before this call; at most 10 s.
	 */
	public static void projectionCaughtUp(DataSource dataSource, String name) {
		projectionCaughtUp(dataSource, name, DEFAULT_TIMEOUT);
	}

	/** Waits until the subscription {@code name} has handled every event appended before this call. */
	public static void projectionCaughtUp(DataSource dataSource, String name, Duration timeout) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Long appended = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM ddd_stored_event", Long.class);
		long target = (appended != null) ? appended : 0;
		try {
			Awaitility.await().atMost(timeout).pollInterval(POLL).until(() -> checkpoint(jdbc, name) >= target);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("Subscription '" + name + "' was at position " + checkpoint(jdbc, name)
					+ " after " + timeout + ", not yet at " + target + ", the last event appended", ex);
		}
	}

	private static long pending(JdbcTemplate jdbc) {
		Long pending = jdbc.queryForObject("SELECT count(*) FROM ddd_outbox_message WHERE status = 'PENDING'",
				Long.class);
		return (pending != null) ? pending : 0;
	}

	private static long checkpoint(JdbcTemplate jdbc, String name) {
		return jdbc.queryForList("SELECT position FROM ddd_event_subscription WHERE name = ?", Long.class, name)
			.stream()
			.findFirst()
			.orElse(-1L);
	}

}
