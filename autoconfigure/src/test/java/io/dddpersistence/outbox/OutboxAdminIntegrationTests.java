package io.dddpersistence.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.dddpersistence.vendor.DatabaseVendor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static io.dddpersistence.outbox.OutboxProperties.Relay.POLLER;
import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxAdminIntegrationTests {

	static OutboxTestTable outbox;

	static OutboxAdmin admin;

	@BeforeAll
	void createTable() {
		outbox = OutboxTestTable.create(vendor());
		admin = new OutboxAdmin(outbox.dataSource, JsonMapper.shared(), 3);
	}

	/** The database the suite runs on; the H2 subclass overrides it. */
	DatabaseVendor vendor() {
		return DatabaseVendor.POSTGRESQL;
	}


	@BeforeEach
	void clear() {
		outbox.clear();
	}

	@Test
	void deadMessagesAreListedPageByPage() {
		outbox.insert(7);
		killAll();
		List<OutboxMessage> first = admin.deadMessages(null, 3);
		List<OutboxMessage> second = admin.deadMessages(first.get(2).id(), 3);
		List<OutboxMessage> third = admin.deadMessages(second.get(2).id(), 3);
		assertThat(first).hasSize(3);
		assertThat(second).hasSize(3);
		assertThat(third).hasSize(1);
		assertThat(third.get(0).status()).isEqualTo(OutboxStatus.FAILED);
		assertThat(third.get(0).lastError()).isEqualTo("gone");
		assertThat(admin.deadMessages(null, 1000)).as("pages are bounded by the admin batch size").hasSize(3);
	}

	@Test
	void resubmittingByIdMakesOnlyThoseDeadMessagesPendingAgain() {
		outbox.insert(4);
		killAll();
		List<UUID> two = admin.deadMessages(null, 2).stream().map(OutboxMessage::id).toList();
		List<UUID> withAPublishedOne = new ArrayList<>(two);
		withAPublishedOne.add(UUID.randomUUID());
		assertThat(admin.resubmit(withAPublishedOne)).isEqualTo(2);
		assertThat(outbox.count("PENDING")).isEqualTo(2);
		assertThat(outbox.count("FAILED")).isEqualTo(2);
		assertThat(outbox.jdbc.queryForObject("SELECT max(attempts) FROM ddd_outbox_message WHERE status = 'PENDING'",
				Integer.class)).isZero();
	}

	@Test
	void aResubmittedMessageIsDueAtOnceWithAllItsAttemptsAgainAndKeepsItsLastErrorUntilItFailsAgain() {
		outbox.insert(1);
		killAll();
		outbox.jdbc.update("UPDATE ddd_outbox_message SET next_attempt_at = CURRENT_TIMESTAMP + INTERVAL '1' HOUR");
		assertThat(admin.resubmit(List.of(admin.deadMessages(null, 1).get(0).id()))).isEqualTo(1);
		assertThat(row()).containsEntry("status", "PENDING")
			.containsEntry("attempts", 0)
			.containsEntry("last_error", "gone")
			.containsEntry("due", true);

		AtomicInteger tries = new AtomicInteger();
		OutboxPoller poller = new OutboxPoller(outbox.dataSource, JsonMapper.shared(), (batch) -> {
			tries.incrementAndGet();
			return List.of(new OutboxPublisher.PublishFailure(batch.get(0), "still down"));
		}, OutboxTestTable.fastSettings("p1").withRetries(3, Duration.ZERO, 1.0, Duration.ZERO), OutboxObserver.NONE);
		poller.pollOnce();
		poller.pollOnce();
		assertThat(row()).containsEntry("status", "PENDING").containsEntry("attempts", 2);
		poller.pollOnce();
		assertThat(row()).as("dead again after max-attempts fresh attempts, while the publisher still fails")
			.containsEntry("status", "FAILED")
			.containsEntry("attempts", 3)
			.containsEntry("last_error", "still down");
		assertThat(tries).hasValue(3);
	}

	private static Map<String, Object> row() {
		return outbox.jdbc.queryForMap("SELECT status, attempts, last_error, "
				+ "CASE WHEN next_attempt_at <= CURRENT_TIMESTAMP THEN TRUE ELSE FALSE END AS due FROM ddd_outbox_message");
	}

	@Test
	void resubmittingAllDeadMessagesWorksInBoundedBatches() {
		outbox.insert(10);
		killAll();
		assertThat(admin.resubmitAllDead()).isEqualTo(10);
		assertThat(outbox.count("PENDING")).isEqualTo(10);
		assertThat(admin.backlog().dead()).isZero();
	}

	@Test
	void retentionPurgesOnlyPublishedMessagesOlderThanTheCutoff() {
		// ten written nine days ago: seven published eight days ago, one published just now (a late
		// backlog), two still pending; and three written and published just now
		outbox.insertWrittenAgo(Duration.ofDays(9), 10);
		outbox.jdbc.update("UPDATE ddd_outbox_message SET status = 'PUBLISHED', published_at = CURRENT_TIMESTAMP - INTERVAL '8' DAY "
				+ "WHERE seq < (SELECT min(seq) FROM ddd_outbox_message) + 7");
		outbox.jdbc.update("UPDATE ddd_outbox_message SET status = 'PUBLISHED', published_at = CURRENT_TIMESTAMP "
				+ "WHERE seq = (SELECT min(seq) FROM ddd_outbox_message) + 7");
		outbox.insert(3);
		outbox.jdbc.update("UPDATE ddd_outbox_message SET status = 'PUBLISHED', published_at = CURRENT_TIMESTAMP "
				+ "WHERE status = 'PENDING' AND created_at > CURRENT_TIMESTAMP - INTERVAL '1' DAY");
		OutboxRetention retention = new OutboxRetention(admin, OutboxProperties.DEFAULTS.retention(), OutboxProperties.Relay.POLLER,
				Clock.systemUTC());
		assertThat(retention.purge()).isEqualTo(7);
		assertThat(outbox.count("PUBLISHED")).isEqualTo(4);
		assertThat(outbox.count("PENDING")).isEqualTo(2);
		assertThat(retention.purge()).isZero();
	}

	@Test
	void withTheCdcRelayRetentionPurgesEveryMessageWrittenBeforeTheCutoffPublishedOrNot() {
		// six written eight days ago (one of them published then), four just now
		outbox.insertWrittenAgo(Duration.ofDays(8), 6);
		outbox.jdbc.update("UPDATE ddd_outbox_message SET status = 'PUBLISHED', published_at = next_attempt_at "
				+ "WHERE seq = (SELECT min(seq) FROM ddd_outbox_message)");
		outbox.insert(4);
		OutboxRetention retention = new OutboxRetention(admin, OutboxProperties.DEFAULTS.retention(),
				OutboxProperties.Relay.CDC, Clock.systemUTC());
		assertThat(retention.purge()).isEqualTo(6);
		assertThat(outbox.count("PENDING")).isEqualTo(4);
		assertThat(outbox.count("PUBLISHED")).isZero();
	}

	@Test
	void theBacklogCountsPendingAndDeadMessagesAndAgesTheOldest() {
		outbox.insert(5);
		outbox.jdbc.update("UPDATE ddd_outbox_message SET created_at = CURRENT_TIMESTAMP - INTERVAL '1' HOUR "
				+ "WHERE seq = (SELECT min(seq) FROM ddd_outbox_message)");
		outbox.jdbc.update("UPDATE ddd_outbox_message SET status = 'FAILED' "
				+ "WHERE seq BETWEEN (SELECT min(seq) FROM ddd_outbox_message) + 1 "
				+ "AND (SELECT min(seq) FROM ddd_outbox_message) + 2");
		OutboxBacklog backlog = admin.backlog();
		assertThat(backlog.pending()).isEqualTo(3);
		assertThat(backlog.dead()).isEqualTo(2);
		assertThat(backlog.oldestPendingAge()).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
	}

	@Test
	void healthGoesDownPastEachThreshold() {
		outbox.insert(5);
		killAll();
		outbox.insert(2);
		assertThat(health(10L, Duration.ofMinutes(15), null)).isEqualTo(Status.UP);
		assertThat(health(1L, null, null)).isEqualTo(Status.DOWN);
		assertThat(health(null, null, 4L)).isEqualTo(Status.DOWN);
		outbox.jdbc.update("UPDATE ddd_outbox_message SET created_at = CURRENT_TIMESTAMP - INTERVAL '1' HOUR");
		assertThat(health(null, Duration.ofMinutes(15), null)).isEqualTo(Status.DOWN);
		assertThat(new OutboxHealthIndicator(admin, new OutboxProperties.Health(null, null, null), POLLER).health()
			.getDetails())
			.containsEntry("pending", 2L)
			.containsEntry("dead", 5L);
	}

	@Test
	void withTheCdcRelayPendingRowsAreNoBacklogForTheHealthButDeadOnesStillAre() {
		outbox.insert(3);
		outbox.jdbc.update("UPDATE ddd_outbox_message SET created_at = CURRENT_TIMESTAMP - INTERVAL '1' HOUR");
		OutboxProperties.Health strict = new OutboxProperties.Health(1L, Duration.ofMinutes(1), 0L);
		Health cdc = new OutboxHealthIndicator(admin, strict, OutboxProperties.Relay.CDC).health();
		assertThat(cdc.getStatus()).isEqualTo(Status.UP);
		assertThat(cdc.getDetails()).containsEntry("relay", "cdc").containsEntry("pending", 3L);
		assertThat(new OutboxHealthIndicator(admin, strict, POLLER).health().getStatus()).isEqualTo(Status.DOWN);
		killAll();
		assertThat(new OutboxHealthIndicator(admin, strict, OutboxProperties.Relay.CDC).health().getStatus())
			.isEqualTo(Status.DOWN);
	}

	@Test
	void metricsCountWhatThePollerDidAndGaugeTheBacklog() {
		outbox.insert(4);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OutboxMetrics metrics = new OutboxMetrics(registry, admin, new OutboxProperties.Metrics(Duration.ofMillis(1)),
				"in-process");
		assertThat(registry.get("ddd.outbox.backlog.pending").gauge().value()).isEqualTo(4);
		int[] calls = { 0 };
		OutboxPoller poller = new OutboxPoller(outbox.dataSource, JsonMapper.shared(), (batch) -> {
			calls[0]++;
			return (calls[0] == 1) ? List.of(new OutboxPublisher.PublishFailure(batch.get(0), "once")) : List.of();
		}, OutboxTestTable.fastSettings("p1").withRetries(5, Duration.ZERO, 1.0, Duration.ZERO), metrics);
		poller.pollOnce();
		poller.pollOnce();
		assertThat(registry.get("ddd.outbox.messages").tag("outcome", "published").counter().count()).isEqualTo(4);
		assertThat(registry.get("ddd.outbox.messages").tag("outcome", "failed").counter().count()).isEqualTo(1);
		assertThat(registry.find("ddd.outbox.messages").tag("outcome", "dead").counter()).isNull();
		assertThat(registry.get("ddd.outbox.messages").tags("outcome", "published", "publisher", "in-process").counters())
			.allSatisfy((counter) -> assertThat(counter.getId().getTag("event.type")).isNotNull()
				.isEqualTo(counter.getId().getTag("event.type")))
			.allSatisfy((counter) -> assertThat(counter.getId().getTag("destination")).isNotNull());
		assertThat(registry.get("ddd.outbox.publish.latency").timer().count()).isEqualTo(4);
		assertThat(registry.find("ddd.outbox.messages.published").counter()).isNull();
		assertThat(registry.get("ddd.outbox.backlog.pending").gauge().value()).isZero();
		assertThat(registry.get("ddd.outbox.backlog.oldest.age").gauge().value()).isZero();
	}

	@Test
	void theEndpointShowsDeadMessagesAndResubmitsThem() {
		outbox.insert(4);
		killAll();
		OutboxEndpoint endpoint = new OutboxEndpoint(admin);
		OutboxEndpoint.Report report = endpoint.report(2, null);
		assertThat(report.backlog().dead()).isEqualTo(4);
		assertThat(report.dead()).hasSize(2);
		assertThat(endpoint.resubmit(List.of(report.dead().get(0).id().toString()), null).resubmitted()).isEqualTo(1);
		assertThat(endpoint.resubmit(null, true).resubmitted()).isEqualTo(3);
		assertThat(outbox.count("FAILED")).isZero();
	}

	private static Status health(Long maxPending, Duration maxAge, Long maxDead) {
		return new OutboxHealthIndicator(admin, new OutboxProperties.Health(maxPending, maxAge, maxDead), POLLER).health()
			.getStatus();
	}

	private static void killAll() {
		outbox.jdbc.update("UPDATE ddd_outbox_message SET status = 'FAILED', attempts = 10, last_error = 'gone' "
				+ "WHERE status = 'PENDING'");
	}


}
