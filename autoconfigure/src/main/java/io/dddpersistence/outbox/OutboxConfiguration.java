package io.dddpersistence.outbox;

import java.time.Clock;

import javax.sql.DataSource;

import io.dddpersistence.migration.LibrarySchema;
import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.vendor.DatabaseVendors;
import io.dddpersistence.vendor.VendorConfiguration;
import io.dddpersistence.wakeup.WakeUpChannel;
import io.dddpersistence.wakeup.WakeUpConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

import org.flywaydb.core.Flyway;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox's beans: its table, {@link OutboxWriter}, the capture of {@code @Externalized} domain
 * events, the publisher chosen by {@code ddd.persistence.outbox.publisher}, {@link OutboxPoller},
 * retention, {@link OutboxAdmin}, the wake-up channel between the writer and the poller (bean
 * {@value #WAKE_UPS}, with {@link WakeUpConfiguration} for the other instances), the observations of
 * {@link OutboxObservation} (and the trace context in message headers where Micrometer Tracing is
 * present), and metrics, health and the {@code outbox} endpoint where Micrometer and Actuator are
 * present. Each bean backs off when the application declares its own:
 * the public types by type, the package-private ones by bean name. Spring Boot imports it from
 * {@code OutboxAutoConfiguration}, which adds the ordering and the conditions on the environment; an
 * application without Boot's auto-configuration may import it itself, with {@link OutboxProperties}
 * bound.
 */
@Configuration(proxyBeanMethods = false)
@Import({ VendorConfiguration.class, WakeUpConfiguration.class })
public class OutboxConfiguration {

	static final String STARTUP_CHECK = "outboxStartupCheck";

	/** The name of the outbox's {@link WakeUpChannel} bean. */
	public static final String WAKE_UPS = "outboxWakeUps";

	// Not replaceable: it refuses a set-up that would publish messages twice (several polling
	// instances on H2), and the table, the writer and the poller depend on it by name.
	@Bean(STARTUP_CHECK)
	OutboxStartupCheck outboxStartupCheck(DataSource dataSource, OutboxProperties properties,
			DatabaseVendors vendors) {
		return new OutboxStartupCheck(dataSource, properties, vendors);
	}

	// the writer's commits wake the pollers: here, and through the wake-up listener in other instances
	@Bean(WAKE_UPS)
	@ConditionalOnMissingBean(name = WAKE_UPS)
	WakeUpChannel outboxWakeUps(OutboxProperties properties) {
		return properties.wakeUps().channel();
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOn(STARTUP_CHECK)
	@DependsOnDatabaseInitialization
	OutboxWriter outboxWriter(DataSource dataSource, ObjectProvider<JsonMapper> json, DatabaseVendors vendors,
			@Qualifier(WAKE_UPS) WakeUpChannel wakeUps, OutboxObservations outboxObservations,
			OutboxProperties properties, ListableBeanFactory beans) {
		return new OutboxWriter(dataSource, json.getIfAvailable(JsonMapper::shared), wakeUps, vendors,
				outboxObservations, tables(properties, beans));
	}

	// the table as configured, in the application's Flyway schema when no schema is configured
	private static LibraryTables tables(OutboxProperties properties, ListableBeanFactory beans) {
		return properties.schema().tables().following(beans);
	}

	// With no ObservationRegistry bean the observations are ObservationRegistry.NOOP: the writer and
	// the poller then run as if there were none. A bean of a convention's type replaces its defaults.
	@Bean
	@ConditionalOnMissingBean(name = "outboxObservations")
	OutboxObservations outboxObservations(ObjectProvider<ObservationRegistry> registry,
			@Qualifier("outboxTraceHeaders") ObjectProvider<TraceHeaders> traceHeaders,
			ObjectProvider<OutboxWriteObservationConvention> write,
			ObjectProvider<OutboxClaimObservationConvention> claim,
			ObjectProvider<OutboxPublishObservationConvention> publish) {
		return new OutboxObservations(registry.getIfUnique(() -> ObservationRegistry.NOOP),
				traceHeaders.getIfAvailable(() -> TraceHeaders.NONE), write.getIfUnique(), claim.getIfUnique(),
				publish.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	OutboxAdmin outboxAdmin(DataSource dataSource, ObjectProvider<JsonMapper> json, OutboxProperties properties,
			DatabaseVendors vendors, ListableBeanFactory beans) {
		return new OutboxAdmin(dataSource, json.getIfAvailable(JsonMapper::shared), properties.adminBatchSize(),
				vendors, tables(properties, beans));
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
			OutboxProperties properties, DatabaseVendors vendors, @Qualifier(WAKE_UPS) WakeUpChannel wakeUps,
			OutboxObservations outboxObservations, ListableBeanFactory beans) {
		OutboxPublisher chosen = publisher.getIfUnique();
		if (chosen == null) {
			throw new IllegalStateException("ddd.persistence.outbox.publisher=" + properties.publisher()
					+ " needs its library on the classpath (spring-rabbit for rabbitmq, spring-kafka for kafka) and "
					+ "its template bean (RabbitTemplate, KafkaTemplate); or define one OutboxPublisher bean");
		}
		return new OutboxPoller(dataSource, json.getIfAvailable(JsonMapper::shared), chosen, properties,
				new OutboxObservers(observers.orderedStream().toList()), wakeUps, vendors, outboxObservations,
				tables(properties, beans));
	}

	@Bean
	@ConditionalOnMissingBean(name = "outboxRetention")
	@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.retention.enabled", matchIfMissing = true)
	OutboxRetention outboxRetention(OutboxAdmin admin, OutboxProperties properties) {
		return new OutboxRetention(admin, properties.retention(), properties.relay(), Clock.systemUTC());
	}

	// Only with Micrometer Tracing on the classpath: messages then carry the trace that wrote them,
	// once the application has a Tracer and a Propagator bean (Boot's tracing auto-configuration).
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
	static class TracingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "outboxTraceHeaders")
		TraceHeaders outboxTraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
			return TracerTraceHeaders.of(tracer.getIfUnique(), propagator.getIfUnique());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
	@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.schema.migrate", matchIfMissing = true)
	static class SchemaConfiguration {

		// follows the application's Flyway (spring.flyway.*) when there is one; listed by
		// /actuator/flyway beside it, and never injected where a Flyway is wanted
		@Bean(name = "dddOutboxFlyway", autowireCandidate = false)
		@ConditionalOnMissingBean(name = "dddOutboxFlyway")
		Flyway dddOutboxFlyway(DataSource dataSource, DatabaseVendors vendors, ObjectProvider<Flyway> application,
				OutboxProperties properties) {
			Flyway flyway = application.getIfUnique();
			LibraryTables tables = properties.schema().tables();
			return ((flyway != null) ? LibrarySchema.following(flyway.getConfiguration(), "outbox", vendors, tables)
					: new LibrarySchema(dataSource, "outbox", vendors, tables)).flyway();
		}

		@Bean(name = "dddOutboxSchema", initMethod = "migrate")
		@ConditionalOnMissingBean(name = "dddOutboxSchema")
		@DependsOn(STARTUP_CHECK)
		LibrarySchema dddOutboxSchema(ListableBeanFactory beans, OutboxProperties properties) {
			return LibrarySchema.migratedBy("outbox", beans.getBean("dddOutboxFlyway", Flyway.class),
					tables(properties, beans));
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

	// before-application: the application's Flyway runs the library's scripts before its own
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.flywaydb.core.Flyway",
			"org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer" })
	@ConditionalOnProperty(name = "ddd.persistence.outbox.schema.order", havingValue = "before-application")
	static class SchemaFirstConfiguration {

		@Bean
		static FlywayConfigurationCustomizer dddOutboxSchemaFirst(DatabaseVendors vendors, OutboxProperties properties) {
			LibraryTables tables = properties.schema().tables();
			return (configuration) -> LibrarySchema.runFirst(configuration, "outbox", vendors, tables);
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
