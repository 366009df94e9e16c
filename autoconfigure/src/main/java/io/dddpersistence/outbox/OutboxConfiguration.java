package io.dddpersistence.outbox;

import java.time.Clock;

import javax.sql.DataSource;

import io.dddpersistence.migration.LibrarySchema;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox's beans: its table, {@link OutboxWriter}, the capture of {@code @Externalized} domain
 * events, the publisher chosen by {@code ddd.persistence.outbox.publisher}, {@link OutboxPoller},
 * retention, {@link OutboxAdmin}, and metrics, health and the {@code outbox} endpoint where
 * Micrometer and Actuator are present. Each bean backs off when the application declares its own:
 * the public types by type, the package-private ones by bean name. Spring Boot imports it from
 * {@code OutboxAutoConfiguration}, which adds the ordering and the conditions on the environment; an
 * application without Boot's auto-configuration may import it itself, with {@link OutboxProperties}
 * bound.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

	static final String STARTUP_CHECK = "outboxStartupCheck";

	// Not replaceable: it refuses a set-up that would publish messages twice (several polling
	// instances on H2), and the table, the writer and the poller depend on it by name.
	@Bean(STARTUP_CHECK)
	OutboxStartupCheck outboxStartupCheck(DataSource dataSource, OutboxProperties properties) {
		return new OutboxStartupCheck(dataSource, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOn(STARTUP_CHECK)
	@DependsOnDatabaseInitialization
	OutboxWriter outboxWriter(DataSource dataSource, ObjectProvider<JsonMapper> json) {
		return new OutboxWriter(dataSource, json.getIfAvailable(JsonMapper::shared));
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	OutboxAdmin outboxAdmin(DataSource dataSource, ObjectProvider<JsonMapper> json, OutboxProperties properties) {
		return new OutboxAdmin(dataSource, json.getIfAvailable(JsonMapper::shared), properties.adminBatchSize());
	}

	@Bean
	@ConditionalOnMissingBean(name = "outboxDomainEventCapture")
	@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.capture-domain-events", matchIfMissing = true)
	DomainEventCapture outboxDomainEventCapture(OutboxWriter writer) {
		return new DomainEventCapture(writer);
	}

	// relay=cdc: a change data capture engine reads the rows from the log, so no poller runs
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.poller-enabled", matchIfMissing = true)
	@ConditionalOnProperty(name = "ddd.persistence.outbox.relay", havingValue = "poller", matchIfMissing = true)
	@DependsOn(STARTUP_CHECK)
	@DependsOnDatabaseInitialization
	OutboxPoller outboxPoller(DataSource dataSource, ObjectProvider<JsonMapper> json,
			ObjectProvider<OutboxPublisher> publisher, ObjectProvider<OutboxObserver> observers,
			OutboxProperties properties) {
		OutboxPublisher chosen = publisher.getIfUnique();
		if (chosen == null) {
			throw new IllegalStateException("ddd.persistence.outbox.publisher=" + properties.publisher()
					+ " needs its library on the classpath (spring-rabbit for rabbitmq, spring-kafka for kafka) and "
					+ "its template bean (RabbitTemplate, KafkaTemplate); or define one OutboxPublisher bean");
		}
		return new OutboxPoller(dataSource, json.getIfAvailable(JsonMapper::shared), chosen, properties,
				new OutboxObservers(observers.orderedStream().toList()));
	}

	@Bean
	@ConditionalOnMissingBean(name = "outboxRetention")
	@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.retention.enabled", matchIfMissing = true)
	OutboxRetention outboxRetention(OutboxAdmin admin, OutboxProperties properties) {
		return new OutboxRetention(admin, properties.retention(), properties.relay(), Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
	@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.schema.migrate", matchIfMissing = true)
	static class SchemaConfiguration {

		@Bean(name = "dddOutboxSchema", initMethod = "migrate")
		@ConditionalOnMissingBean(name = "dddOutboxSchema")
		@DependsOn(STARTUP_CHECK)
		LibrarySchema dddOutboxSchema(DataSource dataSource) {
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
			return new RabbitOutboxPublisher(template, properties.rabbitmq());
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
			return new KafkaOutboxPublisher(template, properties.kafka());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "outboxMetrics")
		OutboxMetrics outboxMetrics(MeterRegistry registry, OutboxAdmin admin, OutboxProperties properties,
				ObjectProvider<OutboxPublisher> publisher) {
			return new OutboxMetrics(registry, admin, properties.metrics(), publisherTag(properties, publisher));
		}

		/** The configured publisher's name, or {@code custom} for an application's own publisher bean. */
		private static String publisherTag(OutboxProperties properties, ObjectProvider<OutboxPublisher> publisher) {
			OutboxPublisher chosen = publisher.getIfUnique();
			boolean library = chosen != null
					&& chosen.getClass().getPackageName().equals(OutboxConfiguration.class.getPackageName());
			return (chosen == null || library) ? properties.publisher() : "custom";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("outbox")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "outboxHealthIndicator")
		OutboxHealthIndicator outboxHealthIndicator(OutboxAdmin admin, OutboxProperties properties) {
			return new OutboxHealthIndicator(admin, properties.health(), properties.relay());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "outboxEndpoint")
		@ConditionalOnAvailableEndpoint(OutboxEndpoint.class)
		OutboxEndpoint outboxEndpoint(OutboxAdmin admin) {
			return new OutboxEndpoint(admin);
		}

	}

}
