package io.dddpersistence.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dddpersistence.eventstore.EventSerializer;
import io.dddpersistence.eventstore.EventSourcedRepositories;
import io.dddpersistence.eventstore.EventStore;
import io.dddpersistence.eventstore.EventStoreProperties;
import io.dddpersistence.eventstore.EventType;
import io.dddpersistence.eventstore.Projection;
import io.dddpersistence.eventstore.Projections;
import io.dddpersistence.eventstore.RecordedEvent;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventStoreAutoConfigurationTests {

	static TestDatabase database;

	@BeforeAll
	static void createDatabase() {
		database = TestDatabases.create();
	}

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				DataSourceTransactionManagerAutoConfiguration.class, EventStoreAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password());

	@Test
	void withADataSourceTheStoreItsTablesAndTheRepositoriesAreReady() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(EventStore.class)
				.hasSingleBean(EventSerializer.class)
				.hasSingleBean(EventSourcedRepositories.class)
				.doesNotHaveBean(Projections.class);
			assertThat(context.getBean(EventSerializer.class).typeName(Scanned.class)).isEqualTo("scanned-event");
			Long tables = context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name IN "
						+ "('ddd_stored_event', 'ddd_event_snapshot', 'ddd_event_subscription', 'ddd_event_parked', "
						+ "'ddd_event_store_schema_history')", Long.class);
			assertThat(tables).isEqualTo(5);
		});
	}

	@Test
	void projectionBeansGetSubscriptionsWithMetricsAndHealth() {
		this.runner.withUserConfiguration(ProjectionConfiguration.class)
			.withPropertyValues("ddd.persistence.event-store.subscriptions.poll-interval=20ms")
			.run((context) -> {
				assertThat(context).hasSingleBean(Projections.class)
					.hasBean("projectionMetrics")
					.hasBean("projectionsHealthIndicator");
				EventStore store = context.getBean(EventStore.class);
				EventSerializer serializer = context.getBean(EventSerializer.class);
				store.append(store.currentVersion("thing", "t1"), serializer.serialize("thing", "t1", new Scanned("hi")));
				RecordingProjection projection = context.getBean(RecordingProjection.class);
				await().atMost(Duration.ofSeconds(20)).until(() -> projection.seen.contains(new Scanned("hi")));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				// Boot's metrics auto-configuration binds MeterBinder beans; this slim context does it by hand
				context.getBean("projectionMetrics", MeterBinder.class).bindTo(registry);
				await().atMost(Duration.ofSeconds(5))
					.until(() -> registry.get("ddd.eventstore.subscription.events").tag("outcome", "handled").functionCounter().count() >= 1);
				assertThat(registry.get("ddd.eventstore.subscription.lag").tag("subscription", "recording")
					.gauge()
					.value()).isZero();
				assertThat(context.getBean("projectionsHealthIndicator", HealthIndicator.class).health(true).getStatus())
					.isEqualTo(Status.UP);
			});
	}

	@Test
	void onH2TheTablesTheStoreAndProjectionsWorkWithoutFurtherSettings() {
		TestDatabase h2 = TestDatabases.createH2();
		this.runner.withUserConfiguration(ProjectionConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + h2.url(), "spring.datasource.username=" + h2.username(),
					"spring.datasource.password=" + h2.password(),
					"ddd.persistence.event-store.subscriptions.poll-interval=20ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Long lockRows = context.getBean(JdbcTemplate.class)
					.queryForObject("SELECT count(*) FROM ddd_event_append_lock", Long.class);
				assertThat(lockRows).as("the row every append locks on H2").isEqualTo(1);
				EventStore store = context.getBean(EventStore.class);
				EventSerializer serializer = context.getBean(EventSerializer.class);
				store.append(0, serializer.serialize("thing", "t1", new Scanned("on h2")));
				RecordingProjection projection = context.getBean(RecordingProjection.class);
				await().atMost(Duration.ofSeconds(20)).until(() -> projection.seen.contains(new Scanned("on h2")));
			});
	}

	@Test
	void withoutMicrometerThereAreNoMetricsButProjectionsStillRun() {
		this.runner.withUserConfiguration(ProjectionConfiguration.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(Projections.class)
				.doesNotHaveBean("projectionMetrics"));
	}

	@Test
	void backsOffWithoutJackson() {
		this.runner.withClassLoader(new FilteredClassLoader(JsonMapper.class))
			.run((context) -> assertThat(context).doesNotHaveBean(EventStore.class));
	}

	@Test
	void canBeTurnedOff() {
		this.runner.withPropertyValues("ddd.persistence.event-store.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EventStore.class));
	}

	@Test
	void aUserStoreReplacesTheLibrarysOne() {
		this.runner.withUserConfiguration(OwnStoreConfiguration.class)
			.run((context) -> assertThat(context.getBean(EventStore.class))
				.isSameAs(context.getBean(OwnStoreConfiguration.class).store));
	}

	@Test
	void aBadPropertyFailsStartUpNamingIt() {
		this.runner.withPropertyValues("ddd.persistence.event-store.snapshot-every=-5")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("ddd.persistence.event-store.snapshot-every"));
		this.runner
			.withPropertyValues("ddd.persistence.event-store.subscriptions.lease-duration=10ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("ddd.persistence.event-store.subscriptions.lease-duration"));
		// checked when the properties are bound, with or without Projection beans
		this.runner
			.withPropertyValues("ddd.persistence.event-store.subscriptions.initial-backoff=10s",
					"ddd.persistence.event-store.subscriptions.max-backoff=1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("ddd.persistence.event-store.subscriptions.max-backoff (PT1S) must not be "
						+ "shorter than initial-backoff (PT10S)"));
	}

	@Test
	void withNothingSetTheBoundPropertiesAreTheDefaults() {
		this.runner.run((context) -> assertThat(context.getBean(EventStoreProperties.class))
			.isEqualTo(EventStoreProperties.DEFAULTS));
		assertThat(EventStoreProperties.DEFAULTS.subscriptions().batchSize()).isEqualTo(500);
		assertThat(EventStoreProperties.DEFAULTS.subscriptions().leaseDuration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(EventStoreProperties.DEFAULTS.snapshotEvery()).isEqualTo(100);
		assertThat(EventStoreProperties.DEFAULTS.outbox().eventTypes()).isEmpty();
	}

	@EventType("scanned-event")
	public record Scanned(String text) {
	}

	static class RecordingProjection implements Projection {

		final List<Object> seen = new CopyOnWriteArrayList<>();

		@Override
		public String name() {
			return "recording";
		}

		@Override
		public void handle(RecordedEvent event) {
			this.seen.add(event.payload());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ProjectionConfiguration {

		@Bean
		RecordingProjection recordingProjection() {
			return new RecordingProjection();
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStoreConfiguration {

		EventStore store;

		@Bean
		EventStore ownStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
			this.store = new EventStore(jdbc, transactionManager);
			return this.store;
		}

	}

}
