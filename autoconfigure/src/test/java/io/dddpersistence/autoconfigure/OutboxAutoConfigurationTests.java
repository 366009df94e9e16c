package io.dddpersistence.autoconfigure;

import io.dddpersistence.outbox.DomainEventCapture;
import io.dddpersistence.outbox.InProcessOutboxPublisher;
import io.dddpersistence.outbox.KafkaOutboxPublisher;
import io.dddpersistence.outbox.OutboxAdmin;
import io.dddpersistence.outbox.OutboxEndpoint;
import io.dddpersistence.outbox.OutboxHealthIndicator;
import io.dddpersistence.outbox.OutboxMetrics;
import io.dddpersistence.outbox.OutboxPoller;
import io.dddpersistence.outbox.OutboxPublisher;
import io.dddpersistence.outbox.OutboxRetention;
import io.dddpersistence.outbox.OutboxWriter;
import io.dddpersistence.outbox.RabbitOutboxPublisher;
import io.dddpersistence.testsupport.TestDatabase;
import io.dddpersistence.testsupport.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
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
		this.runner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(OutboxWriter.class)
				.hasSingleBean(OutboxPoller.class)
				.hasSingleBean(OutboxAdmin.class)
				.hasSingleBean(OutboxRetention.class)
				.hasSingleBean(DomainEventCapture.class)
				.hasSingleBean(OutboxMetrics.class)
				.hasSingleBean(OutboxEndpoint.class)
				.hasBean("outboxHealthIndicator");
			assertThat(context.getBean(OutboxPublisher.class)).isInstanceOf(InProcessOutboxPublisher.class);
			assertThat(context.getBean(OutboxPoller.class).isRunning()).isTrue();
			assertThat(new JdbcTemplate(context.getBean(javax.sql.DataSource.class))
				.queryForObject("SELECT count(*) FROM ddd_outbox_message", Long.class)).isNotNull();
			assertThat(context.getBean(MeterRegistry.class).find("ddd.outbox.backlog.pending").gauge()).isNotNull();
		});
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
	void worksWithoutMicrometerAndActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class, HealthIndicator.class, Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(OutboxPoller.class)
				.doesNotHaveBean(OutboxMetrics.class)
				.doesNotHaveBean(OutboxHealthIndicator.class)
				.doesNotHaveBean(OutboxEndpoint.class));
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
			.run((context) -> assertThat(context.getBean(OutboxPublisher.class)).isInstanceOf(RabbitOutboxPublisher.class));
		rabbit.run((context) -> assertThat(context).getFailure()
			.rootCause()
			.hasMessageContaining("spring.rabbitmq.publisher-confirm-type=correlated"));
	}

	@Test
	void theKafkaPublisherIsChosenByProperty() {
		this.runner.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
			.withPropertyValues("ddd.persistence.outbox.publisher=kafka", "ddd.persistence.outbox.poller-enabled=false")
			.run((context) -> assertThat(context.getBean(OutboxPublisher.class)).isInstanceOf(KafkaOutboxPublisher.class));
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

}
