package io.dddpersistence.autoconfigure;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.Map;

import io.dddpersistence.outbox.OutboxAdmin;
import io.dddpersistence.outbox.OutboxObserver;
import io.dddpersistence.outbox.OutboxPoller;
import io.dddpersistence.outbox.OutboxProperties;
import io.dddpersistence.outbox.OutboxPublisher;
import io.dddpersistence.outbox.OutboxWriter;
import io.dddpersistence.test.TestDatabase;
import io.dddpersistence.test.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxAutoConfigurationTests {

	private static TestDatabase database;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, OutboxAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password());

	@BeforeAll
	static void createDatabase() {
		database = TestDatabases.create();
	}

	@Test
	void configuresTheOutboxAndCreatesItsTable() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("management.endpoints.web.exposure.include=outbox")
			.run((context) -> {
			assertThat(context).hasSingleBean(OutboxWriter.class)
				.hasSingleBean(OutboxPoller.class)
				.hasSingleBean(OutboxAdmin.class)
				.hasBean("outboxRetention")
				.hasBean("outboxDomainEventCapture")
				.hasBean("outboxMetrics")
				.hasBean("outboxEndpoint")
				.hasBean("outboxHealthIndicator");
			assertThat(context.getBean(OutboxPublisher.class)).isSameAs(context.getBean("inProcessOutboxPublisher"));
			assertThat(context.getBean(OutboxPoller.class).isRunning()).isTrue();
			assertThat(new JdbcTemplate(context.getBean(javax.sql.DataSource.class))
				.queryForObject("SELECT count(*) FROM ddd_outbox_message", Long.class)).isNotNull();
			assertThat(context.getBean(MeterRegistry.class).find("ddd.outbox.backlog.pending").gauge()).isNotNull();
		});
	}

	@Test
	void writesAreObservedInTheApplicationsObservationRegistry() {
		this.runner.withBean(TestObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			assertThat(context).hasBean("outboxObservations").hasBean("outboxTraceHeaders");
			writeOne(context);
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo("ddd.outbox.write")
				.that()
				.hasLowCardinalityKeyValue("destination", "orders");
		});
	}

	@Test
	void withoutMicrometerTracingMessagesAreWrittenWithTheirOwnHeadersOnly() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer.tracing"))
			.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("outboxObservations").doesNotHaveBean("outboxTraceHeaders");
				writeOne(context);
				assertThat(new JdbcTemplate(context.getBean(javax.sql.DataSource.class))
					.queryForObject("SELECT CAST(headers AS VARCHAR) FROM ddd_outbox_message WHERE destination = 'orders'",
							String.class)).isEqualTo("{}");
			});
	}

	private static void writeOne(org.springframework.context.ApplicationContext context) {
		javax.sql.DataSource dataSource = context.getBean(javax.sql.DataSource.class);
		new JdbcTemplate(dataSource).execute("DELETE FROM ddd_outbox_message");
		new org.springframework.transaction.support.TransactionTemplate(
				new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource))
			.executeWithoutResult((status) -> context.getBean(OutboxWriter.class)
				.write(io.dddpersistence.outbox.OutboundMessage.of("orders", java.util.Map.of("n", 1))));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("ddd.persistence.outbox.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(OutboxWriter.class).doesNotHaveBean(OutboxPoller.class));
	}

	@Test
	void backsOffWithoutJackson() {
		this.runner.withClassLoader(new FilteredClassLoader(JsonMapper.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OutboxWriter.class));
	}

	@Test
	void theEndpointIsDefinedOnlyWhenItIsExposed() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("outboxEndpoint"));
	}

	@Test
	void worksWithoutMicrometerAndActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class, HealthIndicator.class, Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(OutboxPoller.class)
				.doesNotHaveBean("outboxMetrics")
				.doesNotHaveBean("outboxHealthIndicator")
				.doesNotHaveBean("outboxEndpoint"));
	}

	@Test
	void writerOnlyInstancesRunNoPoller() {
		this.runner.withPropertyValues("ddd.persistence.outbox.poller-enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(OutboxWriter.class).doesNotHaveBean(OutboxPoller.class));
	}

	@Test
	void aUserPublisherReplacesTheDefault() {
		OutboxPublisher mine = (batch) -> java.util.List.of();
		this.runner.withBean(OutboxPublisher.class, () -> mine)
			.run((context) -> assertThat(context.getBean(OutboxPublisher.class)).isSameAs(mine));
	}

	@Test
	void anUnknownPublisherFailsStartUpNamingTheValidOnes() {
		this.runner.withPropertyValues("ddd.persistence.outbox.publisher=sqs")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.outbox.publisher")
				.hasMessageContaining("[in-process, rabbitmq, kafka]")
				.hasMessageContaining("'sqs'"));
	}

	@Test
	void aZeroBatchSizeFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("ddd.persistence.outbox.batch-size=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.outbox.batch-size must be positive"));
	}

	@Test
	void aNegativeLeaseFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("ddd.persistence.outbox.lease=-5s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.outbox.lease must be positive"));
	}

	@Test
	void aZeroPollIntervalFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("ddd.persistence.outbox.poll-interval=0ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.outbox.poll-interval must be positive"));
	}

	@Test
	void theRabbitPublisherIsChosenByPropertyAndNeedsPublisherConfirms() {
		ApplicationContextRunner rabbit = this.runner
			.withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class))
			.withPropertyValues("ddd.persistence.outbox.publisher=rabbitmq");
		rabbit.withPropertyValues("spring.rabbitmq.publisher-confirm-type=correlated")
			.run((context) -> assertThat(context.getBean(OutboxPublisher.class))
				.isSameAs(context.getBean("rabbitOutboxPublisher")));
		rabbit.run((context) -> assertThat(context).getFailure()
			.rootCause()
			.hasMessageContaining("spring.rabbitmq.publisher-confirm-type=correlated"));
	}

	@Test
	void theKafkaPublisherIsChosenByProperty() {
		this.runner.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
			.withPropertyValues("ddd.persistence.outbox.publisher=kafka", "ddd.persistence.outbox.poller-enabled=false")
			.run((context) -> assertThat(context.getBean(OutboxPublisher.class))
				.isSameAs(context.getBean("kafkaOutboxPublisher")));
	}

	@Test
	void aChosenBrokerWithoutItsLibraryFailsStartUpSayingWhatIsMissing() {
		this.runner.withPropertyValues("ddd.persistence.outbox.publisher=kafka")
			.withClassLoader(new FilteredClassLoader("org.springframework.kafka"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("spring-kafka"));
	}

	@Test
	void onH2TheOutboxRunsInOneInstance() {
		TestDatabase h2 = TestDatabases.createH2();
		ApplicationContextRunner onH2 = this.runner.withPropertyValues("spring.datasource.url=" + h2.url(),
				"spring.datasource.username=" + h2.username(), "spring.datasource.password=" + h2.password());
		onH2.run((context) -> {
			assertThat(context).hasSingleBean(OutboxWriter.class).hasSingleBean(OutboxPoller.class);
			assertThat(context.getBean(OutboxPoller.class).isRunning()).isTrue();
			assertThat(new JdbcTemplate(context.getBean(javax.sql.DataSource.class))
				.queryForObject("SELECT count(*) FROM ddd_outbox_message", Long.class)).isZero();
		});
		onH2.withPropertyValues("ddd.persistence.outbox.instances=2")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.outbox.instances=2")
				.hasMessageContaining("on H2 the outbox runs in one instance only")
				.hasMessageContaining("SKIP LOCKED"));
	}

	@Test
	void theCdcRelayRunsNoPollerAndNeedsPostgresql() {
		this.runner.withPropertyValues("ddd.persistence.outbox.relay=cdc")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(OutboxWriter.class)
				.hasBean("outboxRetention")
				.doesNotHaveBean(OutboxPoller.class));
		TestDatabase h2 = TestDatabases.createH2();
		this.runner
			.withPropertyValues("spring.datasource.url=" + h2.url(), "spring.datasource.username=" + h2.username(),
					"spring.datasource.password=" + h2.password(), "ddd.persistence.outbox.relay=cdc")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.outbox.relay=cdc needs PostgreSQL"));
	}

	@Test
	void theLockClaimModeNeedsPostgresql() {
		this.runner.withPropertyValues("ddd.persistence.outbox.claim=lock")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(OutboxPoller.class));
		TestDatabase h2 = TestDatabases.createH2();
		this.runner
			.withPropertyValues("spring.datasource.url=" + h2.url(), "spring.datasource.username=" + h2.username(),
					"spring.datasource.password=" + h2.password(), "ddd.persistence.outbox.claim=lock")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.outbox.claim=lock needs PostgreSQL"));
	}

	@Test
	void anUnknownRelayFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("ddd.persistence.outbox.relay=debezium")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'ddd.persistence.outbox.relay'"));
	}

	@Test
	void onH2SeveralInstancesFailStartUpEvenWithoutTheLibrarysTableAndWriter() {
		TestDatabase h2 = TestDatabases.createH2();
		this.runner
			.withPropertyValues("spring.datasource.url=" + h2.url(), "spring.datasource.username=" + h2.username(),
					"spring.datasource.password=" + h2.password(), "ddd.persistence.outbox.instances=2",
					"ddd.persistence.outbox.schema.migrate=false")
			.withBean(OutboxWriter.class, () -> new OutboxWriter(h2.dataSource(), JsonMapper.shared()))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.outbox.instances=2"));
	}

	@Test
	void onPostgresqlAnyNumberOfInstancesIsAccepted() {
		this.runner.withPropertyValues("ddd.persistence.outbox.instances=8")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(OutboxPoller.class));
	}

	@Test
	void zeroInstancesFailStartUpNamingTheProperty() {
		this.runner.withPropertyValues("ddd.persistence.outbox.instances=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("ddd.persistence.outbox.instances"));
	}

	@Test
	void propertiesBoundFromNothingAreTheDefaults() {
		Binder none = new Binder(new MapConfigurationPropertySource(Map.of()));
		assertThat(none.bindOrCreate("ddd.persistence.outbox", Bindable.of(OutboxProperties.class)))
			.isEqualTo(OutboxProperties.DEFAULTS);
		this.runner.run((context) -> assertThat(context.getBean(OutboxProperties.class)).isEqualTo(OutboxProperties.DEFAULTS));
		assertThat(OutboxProperties.DEFAULTS.batchSize()).isEqualTo(500);
		assertThat(OutboxProperties.DEFAULTS.pollerId()).isNull();
		assertThat(OutboxProperties.DEFAULTS.backoff().jitter()).isEqualTo(0.5);
		assertThat(OutboxProperties.DEFAULTS.health().maxPending()).isEqualTo(100_000L);
		assertThat(OutboxProperties.DEFAULTS.health().maxDead()).isNull();
	}

	@Test
	void boundPropertiesReachThePoller() {
		this.runner.withPropertyValues("ddd.persistence.outbox.poller-id=orders-1", "ddd.persistence.outbox.batch-size=7")
			.run((context) -> {
				assertThat(context.getBean(OutboxPoller.class).getPollerId()).isEqualTo("orders-1");
				assertThat(context.getBean(OutboxProperties.class).batchSize()).isEqualTo(7);
			});
		this.runner.withPropertyValues("ddd.persistence.outbox.poller-id= ")
			.run((context) -> assertThat(context.getBean(OutboxPoller.class).getPollerId()).startsWith("poller-"));
	}

	@Test
	void badValuesFailStartUpNamingTheProperty() {
		Map.of("ddd.persistence.outbox.backoff.jitter=1.5", "ddd.persistence.outbox.backoff.jitter must be between 0 and 1",
				"ddd.persistence.outbox.backoff.multiplier=0.5", "ddd.persistence.outbox.backoff.multiplier must be at least 1",
				"ddd.persistence.outbox.backoff.initial=-1s", "ddd.persistence.outbox.backoff.initial must not be negative",
				"ddd.persistence.outbox.retention.interval=0s", "ddd.persistence.outbox.retention.interval must be positive",
				"ddd.persistence.outbox.kafka.send-timeout=0s", "ddd.persistence.outbox.kafka.send-timeout must be positive",
				"ddd.persistence.outbox.max-attempts=0", "ddd.persistence.outbox.max-attempts must be positive",
				"ddd.persistence.outbox.publisher=Kafka", "ddd.persistence.outbox.publisher must be one of")
			.forEach((property, message) -> this.runner.withPropertyValues(property)
				.run((context) -> assertThat(context).getFailure()
					.as(property)
					.rootCause()
					.hasMessageContaining(message)));
	}

	@Test
	void userBeansReplaceTheLibrarysByTypeOrByName() {
		OutboxAdmin admin = new OutboxAdmin(database.dataSource(), JsonMapper.shared(), 10);
		HealthIndicator health = () -> Health.up().build();
		OutboxObserver metrics = new OutboxObserver() {
		};
		this.runner.withBean(OutboxAdmin.class, () -> admin)
			.withBean("outboxHealthIndicator", HealthIndicator.class, () -> health)
			.withBean("outboxMetrics", OutboxObserver.class, () -> metrics)
			.withBean("outboxRetention", Object.class, Object::new)
			.withBean("outboxDomainEventCapture", Object.class, Object::new)
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(OutboxAdmin.class)).isSameAs(admin);
				assertThat(context.getBean("outboxHealthIndicator")).isSameAs(health);
				assertThat(context.getBean("outboxMetrics")).isSameAs(metrics);
				assertThat(context.getBean("outboxRetention")).isNotInstanceOf(SmartLifecycle.class);
				assertThat(context.getBean("outboxDomainEventCapture"))
					.isNotInstanceOf(ApplicationListener.class);
				assertThat(context.getBeansOfType(OutboxObserver.class)).hasSize(1);
				assertThat(context.getBean(MeterRegistry.class).find("ddd.outbox.backlog.pending").gauge()).isNull();
			});
	}

}
