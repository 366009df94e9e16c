package io.dddpersistence.autoconfigure;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import io.dddpersistence.migration.LibrarySchema;
import io.dddpersistence.outbox.DomainEventCapture;
import io.dddpersistence.outbox.InProcessOutboxPublisher;
import io.dddpersistence.outbox.KafkaOutboxPublisher;
import io.dddpersistence.outbox.OutboxAdmin;
import io.dddpersistence.outbox.OutboxEndpoint;
import io.dddpersistence.outbox.OutboxHealthIndicator;
import io.dddpersistence.outbox.OutboxMessage;
import io.dddpersistence.outbox.OutboxMetrics;
import io.dddpersistence.outbox.OutboxObserver;
import io.dddpersistence.outbox.OutboxPoller;
import io.dddpersistence.outbox.OutboxPublisher;
import io.dddpersistence.outbox.OutboxRetention;
import io.dddpersistence.outbox.OutboxStartupCheck;
import io.dddpersistence.outbox.OutboxWriter;
import io.dddpersistence.outbox.RabbitOutboxPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Auto-configuration of the transactional outbox: its table, {@link OutboxWriter}, the capture of
 * {@code @Externalized} domain events, the publisher chosen by {@code ddd.persistence.outbox.publisher},
 * {@link OutboxPoller}, retention, {@link OutboxAdmin}, and metrics, health and the {@code outbox}
 * endpoint where Micrometer and Actuator are present.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, JsonMapper.class })
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboxProperties.class)
// the library's schema beans run before the beans marked @DependsOnDatabaseInitialization
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class OutboxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	OutboxWriter outboxWriter(DataSource dataSource, ObjectProvider<JsonMapper> json, OutboxProperties properties) {
		OutboxStartupCheck.verify(dataSource, properties.getInstances());
		return new OutboxWriter(dataSource, json.getIfAvailable(JsonMapper::shared));
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	OutboxAdmin outboxAdmin(DataSource dataSource, ObjectProvider<JsonMapper> json, OutboxProperties properties) {
		return new OutboxAdmin(dataSource, json.getIfAvailable(JsonMapper::shared), properties.getAdminBatchSize());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.capture-domain-events", matchIfMissing = true)
	DomainEventCapture outboxDomainEventCapture(OutboxWriter writer) {
		return new DomainEventCapture(writer);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.poller-enabled", matchIfMissing = true)
	@DependsOnDatabaseInitialization
	OutboxPoller outboxPoller(DataSource dataSource, ObjectProvider<JsonMapper> json,
			ObjectProvider<OutboxPublisher> publisher, ObjectProvider<OutboxObserver> observers,
			OutboxProperties properties) {
		OutboxPublisher chosen = publisher.getIfUnique();
		if (chosen == null) {
			throw new IllegalStateException("ddd.persistence.outbox.publisher=" + properties.getPublisher()
					+ " needs its library on the classpath (spring-rabbit for rabbitmq, spring-kafka for kafka) and "
					+ "its template bean (RabbitTemplate, KafkaTemplate); or define one OutboxPublisher bean");
		}
		return new OutboxPoller(dataSource, json.getIfAvailable(JsonMapper::shared), chosen,
				OutboxSettings.poller(properties), new Observers(observers.orderedStream().toList()));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.retention.enabled", matchIfMissing = true)
	OutboxRetention outboxRetention(OutboxAdmin admin, OutboxProperties properties) {
		return new OutboxRetention(admin, properties.getRetention().getKeepPublished(),
				properties.getRetention().getInterval(), Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Flyway.class)
	@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.schema.migrate", matchIfMissing = true)
	static class SchemaConfiguration {

		@Bean(name = "dddOutboxSchema", initMethod = "migrate")
		LibrarySchema dddOutboxSchema(DataSource dataSource, OutboxProperties properties) {
			OutboxStartupCheck.verify(dataSource, properties.getInstances());
			return new LibrarySchema(dataSource, "outbox");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "ddd.persistence.outbox.publisher", havingValue = "in-process", matchIfMissing = true)
	static class InProcessPublisherConfiguration {

		@Bean
		@ConditionalOnMissingBean(OutboxPublisher.class)
		InProcessOutboxPublisher inProcessOutboxPublisher(ApplicationEventPublisher events) {
			return new InProcessOutboxPublisher(events);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RabbitTemplate.class)
	@ConditionalOnProperty(name = "ddd.persistence.outbox.publisher", havingValue = "rabbitmq")
	static class RabbitPublisherConfiguration {

		@Bean
		@ConditionalOnMissingBean(OutboxPublisher.class)
		@ConditionalOnSingleCandidate(RabbitTemplate.class)
		RabbitOutboxPublisher rabbitOutboxPublisher(RabbitTemplate template, OutboxProperties properties) {
			return new RabbitOutboxPublisher(template, properties.getRabbitmq().getDefaultExchange(),
					properties.getRabbitmq().getConfirmTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(KafkaTemplate.class)
	@ConditionalOnProperty(name = "ddd.persistence.outbox.publisher", havingValue = "kafka")
	static class KafkaPublisherConfiguration {

		@Bean
		@ConditionalOnMissingBean(OutboxPublisher.class)
		@ConditionalOnSingleCandidate(KafkaTemplate.class)
		KafkaOutboxPublisher kafkaOutboxPublisher(KafkaTemplate<?, ?> template, OutboxProperties properties) {
			return new KafkaOutboxPublisher(template, properties.getKafka().getDefaultTopic(),
					properties.getKafka().getSendTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OutboxMetrics outboxMetrics(MeterRegistry registry, OutboxAdmin admin, OutboxProperties properties) {
			return new OutboxMetrics(registry, admin, properties.getMetrics().getRefresh());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("outbox")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "outboxHealthIndicator")
		OutboxHealthIndicator outboxHealthIndicator(OutboxAdmin admin, OutboxProperties properties) {
			OutboxProperties.Health health = properties.getHealth();
			return new OutboxHealthIndicator(admin, health.getMaxPending(), health.getMaxOldestPendingAge(),
					health.getMaxDead());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OutboxEndpoint outboxEndpoint(OutboxAdmin admin) {
			return new OutboxEndpoint(admin);
		}

	}

	/** Tells every observer bean (metrics, the user's own) what the poller did. */
	private record Observers(List<OutboxObserver> all) implements OutboxObserver {

		@Override
		public void published(OutboxMessage message, java.time.Duration latency) {
			this.all.forEach((observer) -> observer.published(message, latency));
		}

		@Override
		public void failed(int count) {
			this.all.forEach((observer) -> observer.failed(count));
		}

		@Override
		public void dead(int count) {
			this.all.forEach((observer) -> observer.dead(count));
		}

	}

}
