package io.dddpersistence.autoconfigure;

import java.util.Set;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.dddpersistence.eventstore.CatchUpSubscription;
import io.dddpersistence.eventstore.EventSerializer;
import io.dddpersistence.eventstore.EventSourcedRepositories;
import io.dddpersistence.eventstore.AppendListener;
import io.dddpersistence.eventstore.EventStore;
import io.dddpersistence.eventstore.outbox.EventStoreOutboxBridge;
import io.dddpersistence.outbox.OutboxWriter;
import io.dddpersistence.eventstore.EventUpcaster;
import io.dddpersistence.eventstore.Projection;
import io.dddpersistence.eventstore.ProjectionMetrics;
import io.dddpersistence.eventstore.Projections;
import io.dddpersistence.eventstore.ProjectionsHealthIndicator;
import io.dddpersistence.eventstore.SubscriptionSettings;
import io.dddpersistence.migration.LibrarySchema;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the event store: its tables, the store, the serializer, repositories for event-sourced
 * aggregates, and a catch-up subscription per {@link Projection} bean, with metrics and health
 * where Micrometer and Actuator are present.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, JsonMapper.class })
@ConditionalOnBean({ DataSource.class, PlatformTransactionManager.class })
@ConditionalOnBooleanProperty(name = "ddd.persistence.event-store.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventStoreProperties.class)
// the library's schema beans run before the beans marked @DependsOnDatabaseInitialization
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class EventStoreAutoConfiguration {

	@Bean(initMethod = "migrate")
	@ConditionalOnMissingBean(name = "eventStoreSchema")
	@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
	@ConditionalOnBooleanProperty(name = "ddd.persistence.event-store.schema.migrate", matchIfMissing = true)
	LibrarySchema eventStoreSchema(DataSource dataSource) {
		return new LibrarySchema(dataSource, "event-store");
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	EventStore eventStore(ObjectProvider<JdbcTemplate> jdbcTemplate, DataSource dataSource,
			PlatformTransactionManager transactionManager, ObjectProvider<AppendListener> appendListeners) {
		return new EventStore(jdbcTemplate.getIfAvailable(() -> new JdbcTemplate(dataSource)), transactionManager,
				appendListeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	EventSerializer eventSerializer(ObjectProvider<JsonMapper> jsonMapper, EventStoreProperties properties,
			ObjectProvider<EventUpcaster> upcasters, BeanFactory beanFactory) {
		EventSerializer serializer = new EventSerializer(jsonMapper.getIfAvailable(JsonMapper::shared),
				properties.getUnknownEventTypes());
		List<String> packages = new ArrayList<>(properties.getEventPackages());
		if (AutoConfigurationPackages.has(beanFactory)) {
			packages.addAll(AutoConfigurationPackages.get(beanFactory));
		}
		serializer.registerAnnotatedIn(packages, EventStoreAutoConfiguration.class.getClassLoader());
		return serializer.addUpcasters(upcasters.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	EventSourcedRepositories eventSourcedRepositories(EventStore store, EventSerializer serializer,
			ObjectProvider<JdbcTemplate> jdbcTemplate, DataSource dataSource,
			PlatformTransactionManager transactionManager, EventStoreProperties properties) {
		JdbcTemplate jdbc = jdbcTemplate.getIfAvailable(() -> new JdbcTemplate(dataSource));
		return new EventSourcedRepositories(store, serializer, jdbc, transactionManager, properties.getSnapshotEvery());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(Projection.class)
	@ConditionalOnBooleanProperty(name = "ddd.persistence.event-store.subscriptions.enabled", matchIfMissing = true)
	static class ProjectionsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@DependsOnDatabaseInitialization
		Projections projections(ObjectProvider<Projection> projections, EventStore store, EventSerializer serializer,
				ObjectProvider<JdbcTemplate> jdbcTemplate, DataSource dataSource,
				PlatformTransactionManager transactionManager, EventStoreProperties properties) {
			SubscriptionSettings settings = properties.getSubscriptions().toSettings();
			String owner = (properties.getSubscriptions().getOwner() != null) ? properties.getSubscriptions().getOwner()
					: defaultOwner();
			JdbcTemplate jdbc = jdbcTemplate.getIfAvailable(() -> new JdbcTemplate(dataSource));
			return new Projections(projections.orderedStream()
				.map((projection) -> new CatchUpSubscription(projection, store, serializer, jdbc, transactionManager,
						settings, owner))
				.toList());
		}

		private static String defaultOwner() {
			String host;
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (IOException ex) {
				host = "unknown-host";
			}
			return host + "-" + UUID.randomUUID().toString().substring(0, 8);
		}

	}

	// conditioned on the Projection beans, not on Projections: nested configurations are evaluated
	// before the beans of the one above them are registered
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(Projection.class)
	@ConditionalOnBooleanProperty(name = "ddd.persistence.event-store.subscriptions.enabled", matchIfMissing = true)
	static class ProjectionMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ProjectionMetrics projectionMetrics(Projections projections) {
			return new ProjectionMetrics(projections);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnBean(Projection.class)
	@ConditionalOnBooleanProperty(name = "ddd.persistence.event-store.subscriptions.enabled", matchIfMissing = true)
	@ConditionalOnEnabledHealthIndicator("projections")
	static class ProjectionsHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "projectionsHealthIndicator")
		ProjectionsHealthIndicator projectionsHealthIndicator(Projections projections) {
			return new ProjectionsHealthIndicator(projections);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OutboxWriter.class)
	@ConditionalOnBooleanProperty("ddd.persistence.event-store.outbox.enabled")
	static class OutboxBridgeConfiguration {

		@Bean
		@ConditionalOnMissingBean
		EventStoreOutboxBridge eventStoreOutboxBridge(ObjectProvider<OutboxWriter> writer,
				ObjectProvider<JsonMapper> jsonMapper, EventStoreProperties properties) {
			OutboxWriter outbox = writer.getIfAvailable();
			if (outbox == null) {
				throw new IllegalStateException("ddd.persistence.event-store.outbox.enabled is true, but there is no "
						+ "outbox: turn the outbox on (ddd.persistence.outbox.enabled) or this property off.");
			}
			EventStoreProperties.Outbox settings = properties.getOutbox();
			return new EventStoreOutboxBridge(outbox, jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()),
					settings.getDestination().isEmpty() ? null : settings.getDestination(),
					Set.copyOf(settings.getEventTypes()));
		}

	}

}
