package io.dddpersistence.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dddpersistence.eventstore.EventSerializer;
import io.dddpersistence.eventstore.EventStore;
import io.dddpersistence.eventstore.EventType;
import io.dddpersistence.eventstore.Projection;
import io.dddpersistence.eventstore.RecordedEvent;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Appends wake the catch-up subscriptions: with a 30 s poll interval a committed event is applied
 * well under a second, appended in the projection's instance (auto-committed or in a caller's
 * transaction) or in another one on PostgreSQL; a rolled-back append is applied never.
 */
class ProjectionWakeUpIntegrationTests {

	static final Duration FAST = Duration.ofSeconds(1);

	final TestDatabase database = TestDatabases.create();

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, EventStoreAutoConfiguration.class))
		.withPropertyValues("ddd.persistence.event-store.subscriptions.poll-interval=30s",
				"ddd.persistence.event-store.event-packages=io.dddpersistence.autoconfigure");

	@Test
	void anAppendInTheProjectionsInstanceIsAppliedWellUnderASecond() {
		on(this.database).withUserConfiguration(ProjectionConfiguration.class).run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			append(context, "first");
			// the first read after start-up may have seen it; the second append comes to an idle subscription
			await().atMost(Duration.ofSeconds(10)).until(() -> recorder.seen.contains(new Noted("first")));
			idle(recorder);
			append(context, "second");
			await().atMost(FAST).until(() -> recorder.seen.contains(new Noted("second")));
			TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			transactions.executeWithoutResult((status) -> append(context, "in a caller's transaction"));
			await().atMost(FAST).until(() -> recorder.seen.contains(new Noted("in a caller's transaction")));
		});
	}

	@Test
	void aRolledBackAppendIsNeverApplied() {
		on(this.database).withUserConfiguration(ProjectionConfiguration.class).run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			append(context, "before");
			await().atMost(Duration.ofSeconds(10)).until(() -> recorder.seen.contains(new Noted("before")));
			TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			transactions.executeWithoutResult((status) -> {
				append(context, "rolled back");
				status.setRollbackOnly();
			});
			append(context, "after");
			await().atMost(FAST).until(() -> recorder.seen.contains(new Noted("after")));
			assertThat(recorder.seen).containsExactly(new Noted("before"), new Noted("after"));
		});
	}

	@Test
	void anAppendInAnotherInstanceWakesTheProjectionThroughNotify() {
		on(this.database).withUserConfiguration(ProjectionConfiguration.class).run((projecting) -> {
			Recorder recorder = projecting.getBean(Recorder.class);
			on(this.database).run((writing) -> {
				append(writing, "elsewhere");
				await().atMost(Duration.ofSeconds(10)).until(() -> recorder.seen.contains(new Noted("elsewhere")));
				idle(recorder);
				for (int i = 0; i < 3; i++) {
					Noted noted = new Noted("elsewhere " + i);
					append(writing, noted.text());
					await().atMost(FAST).until(() -> recorder.seen.contains(noted));
				}
			});
		});
	}

	@Test
	void onH2AnAppendWakesTheProjectionInItsInstance() {
		on(TestDatabases.createH2()).withUserConfiguration(ProjectionConfiguration.class).run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			append(context, "first");
			await().atMost(Duration.ofSeconds(10)).until(() -> recorder.seen.contains(new Noted("first")));
			idle(recorder);
			append(context, "second");
			await().atMost(FAST).until(() -> recorder.seen.contains(new Noted("second")));
		});
	}

	private ApplicationContextRunner on(TestDatabase database) {
		return this.runner.withPropertyValues("spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password());
	}

	private static void append(ApplicationContext context, String text) {
		EventStore store = context.getBean(EventStore.class);
		EventSerializer serializer = context.getBean(EventSerializer.class);
		store.append(store.currentVersion("note", text), serializer.serialize("note", text, new Noted(text)));
	}

	private static void idle(Recorder recorder) {
		int seen = recorder.seen.size();
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> recorder.seen.size() == seen);
	}

	@EventType("wake-up-noted")
	public record Noted(String text) {
	}

	static class Recorder implements Projection {

		final List<Object> seen = new CopyOnWriteArrayList<>();

		@Override
		public String name() {
			return "wake-up-recorder";
		}

		@Override
		public void handle(RecordedEvent event) {
			this.seen.add(event.payload());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ProjectionConfiguration {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

	}

}
