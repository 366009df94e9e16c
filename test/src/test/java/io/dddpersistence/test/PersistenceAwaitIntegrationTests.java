package io.dddpersistence.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The waits on the columns they read of the library's tables (created here by hand, as this module
 * does not depend on the library; the sample application's tests use them on the real ones).
 */
class PersistenceAwaitIntegrationTests {

	private final TestDatabase database = TestDatabases.create();

	private final JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());

	@BeforeEach
	void tables() {
		this.jdbc.execute("CREATE TABLE ddd_outbox_message (id int PRIMARY KEY, status varchar(16) NOT NULL)");
		this.jdbc.execute("CREATE TABLE ddd_stored_event (position bigint PRIMARY KEY)");
		this.jdbc.execute("CREATE TABLE ddd_event_subscription (name varchar(255) PRIMARY KEY, position bigint NOT NULL)");
	}

	@Test
	void outboxDrainedReturnsOncePendingMessagesArePublishedAndIgnoresDeadOnes() {
		this.jdbc.update("INSERT INTO ddd_outbox_message VALUES (1, 'PENDING'), (2, 'PENDING'), (3, 'FAILED')");
		CompletableFuture<Integer> relay = CompletableFuture
			.supplyAsync(() -> this.jdbc.update("UPDATE ddd_outbox_message SET status = 'PUBLISHED' WHERE status = 'PENDING'"));
		PersistenceAwait.outboxDrained(this.database.dataSource());
		assertThat(relay.join()).isEqualTo(2);
	}

	@Test
	void outboxDrainedFailsAfterItsTimeoutSayingWhatIsPending() {
		this.jdbc.update("INSERT INTO ddd_outbox_message VALUES (1, 'PENDING')");
		assertThatThrownBy(() -> PersistenceAwait.outboxDrained(this.database.dataSource(), Duration.ofMillis(200)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("1 pending message(s)");
	}

	@Test
	void projectionCaughtUpWaitsForTheLastEventAppendedBeforeTheCall() {
		this.jdbc.update("INSERT INTO ddd_stored_event VALUES (1), (2), (3)");
		this.jdbc.update("INSERT INTO ddd_event_subscription VALUES ('summaries', 1)");
		CompletableFuture<Integer> projection = CompletableFuture
			.supplyAsync(() -> this.jdbc.update("UPDATE ddd_event_subscription SET position = 3 WHERE name = 'summaries'"));
		PersistenceAwait.projectionCaughtUp(this.database.dataSource(), "summaries");
		assertThat(projection.join()).isEqualTo(1);
		assertThatThrownBy(() -> PersistenceAwait.projectionCaughtUp(this.database.dataSource(), "unknown",
				Duration.ofMillis(200)))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("'unknown' was at position -1")
			.hasMessageContaining("not yet at 3");
	}

}
