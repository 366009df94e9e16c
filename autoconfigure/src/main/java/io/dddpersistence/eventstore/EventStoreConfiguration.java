package io.dddpersistence.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.dddpersistence.eventstore.outbox.EventStoreOutboxBridge;
import io.dddpersistence.migration.LibrarySchema;
import io.dddpersistence.migration.LibraryTables;
import io.dddpersistence.outbox.OutboxWriter;
import io.dddpersistence.vendor.DatabaseVendors;
import io.dddpersistence.vendor.VendorConfiguration;
import io.dddpersistence.wakeup.WakeUpChannel;
import io.dddpersistence.wakeup.WakeUpConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.flywaydb.core.Flyway;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The event store's beans: its tables, the store, the serializer, repositories for event-sourced
 * aggregates, and a catch-up subscription per {@link Projection} bean, woken by committed appends
 * (bean {@value #WAKE_UPS}, with {@link WakeUpConfiguration} for the other instances), with metrics
 * and health where Micrometer and Actuator are present. Each bean backs off when the application declares
 * its own. Spring Boot imports it from {@code EventStoreAutoConfiguration}, which adds the
 * ordering and the conditions on the environment; an application without Boot's
 * auto-configuration may import it itself, with {@link EventStoreProperties} bound.
 */
@Configuration(proxyBeanMethods = false)
@Import({ VendorConfiguration.class, WakeUpConfiguration.class })
public class EventStoreConfiguration {

	/** The name of the event store's {@link WakeUpChannel} bean. */
	public static final String WAKE_UPS = "eventStoreWakeUps";

	// appends wake the subscriptions: here, and through the wake-up listener in other instances
	@Bean(WAKE_UPS)
	@ConditionalOnMissingBean(name = WAKE_UPS)
	WakeUpChannel eventStoreWakeUps(EventStoreProperties properties) {
		return properties.wakeUps().channel();
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	EventStore eventStore(ObjectProvider<JdbcTemplate> jdbcTemplate, DataSource dataSource,
			PlatformTransactionManager transactionManager, ObjectProvider<AppendListener> appendListeners,
			DatabaseVendors vendors, @Qualifier(WAKE_UPS) WakeUpChannel wakeUps,
			EventStoreObservations eventStoreObservations, EventStoreProperties properties, ListableBeanFactory beans) {
		JdbcTemplate jdbc = jdbc(jdbcTemplate, dataSource);
		return new EventStore(jdbc, transactionManager, appendListeners.orderedStream().toList(), wakeUps,
				vendors.require(EventStore.dataSourceOf(jdbc), EventStore.FEATURE, EventStore.DISABLE),
				eventStoreObservations, tables(properties, beans));
	}

	// the tables as configured, in the application's Flyway schema when no schema is configured
	private static LibraryTables tables(EventStoreProperties properties, ListableBeanFactory beans) {
		return properties.schema().tables().following(beans);
	}

	// With no ObservationRegistry bean the observations are ObservationRegistry.NOOP: the store and
	// the subscriptions then run as if there were none. A bean of a convention's type replaces its defaults.
	@Bean
	@ConditionalOnMissingBean(name = "eventStoreObservations")
	EventStoreObservations eventStoreObservations(ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<EventAppendObservationConvention> append,
			ObjectProvider<ProjectionObservationConvention> projection) {
		return new EventStoreObservations(registry.getIfUnique(() -> ObservationRegistry.NOOP), append.getIfUnique(),
				projection.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	EventSerializer eventSerializer(ObjectProvider<JsonMapper> jsonMapper, EventStoreProperties properties,
			ObjectProvider<EventUpcaster> upcasters, BeanFactory beanFactory) {
		EventSerializer serializer = new EventSerializer(jsonMapper.getIfAvailable(JsonMapper::shared),
				properties.unknownEventTypes());
		ClassLoader classLoader = EventStoreConfiguration.class.getClassLoader();
		// Started from its AOT-processed form, the application reads the classes found at build time.
		List<Class<?>> indexed = AotDetector.useGeneratedArtifacts() ? EventTypeIndex.read(classLoader) : null;
		if (indexed != null) {
			serializer.register(indexed);
		}
		else {
			serializer.registerAnnotatedIn(eventPackages(properties, beanFactory), classLoader);
		}
		return serializer.addUpcasters(upcasters.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	EventSourcedRepositories eventSourcedRepositories(EventStore store, EventSerializer serializer,
			ObjectProvider<JdbcTemplate> jdbcTemplate, DataSource dataSource,
			PlatformTransactionManager transactionManager, EventStoreProperties properties) {
		return new EventSourcedRepositories(store, serializer, jdbc(jdbcTemplate, dataSource), transactionManager,
				properties.snapshotEvery());
	}

	/** The packages searched for {@link EventType} classes: the configured ones and the application's. */
	static List<String> eventPackages(EventStoreProperties properties, BeanFactory beanFactory) {
		List<String> packages = new ArrayList<>(properties.eventPackages());
		if (AutoConfigurationPackages.has(beanFactory)) {
			packages.addAll(AutoConfigurationPackages.get(beanFactory));
		}
		return packages;
	}

	private static JdbcTemplate jdbc(ObjectProvider<JdbcTemplate> jdbcTemplate, DataSource dataSource) {
		return jdbcTemplate.getIfAvailable(() -> new JdbcTemplate(dataSource));
	}

	// The nested configurations are conditioned on the Projection beans, not on Projections: they
	// are evaluated before the beans of the configuration above them are registered.

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(Projection.class)
	@ConditionalOnBooleanProperty(name = "ddd.persistence.event-store.subscriptions.enabled", matchIfMissing = true)
	static class ProjectionsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@DependsOnDatabaseInitialization
		Projections projections(ObjectProvider<Projection> projections, EventStore store, EventSerializer serializer,
				ObjectProvider<JdbcTemplate> jdbcTemplate, DataSource dataSource,
				PlatformTransactionManager transactionManager, EventStoreProperties properties,
				@Qualifier(WAKE_UPS) WakeUpChannel wakeUps, EventStoreObservations eventStoreObservations) {
			EventStoreProperties.Subscriptions settings = properties.subscriptions();
			String owner = LeaseOwner.of(settings.owner());
			JdbcTemplate jdbc = jdbc(jdbcTemplate, dataSource);
			return new Projections(projections.orderedStream()
				.map((projection) -> new CatchUpSubscription(projection, store, serializer, jdbc, transactionManager,
						settings, owner, eventStoreObservations))
				.toList(), wakeUps);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(Projection.class)
	@ConditionalOnBooleanProperty(name = "ddd.persistence.event-store.subscriptions.enabled", matchIfMissing = true)
	static class ProjectionMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "projectionMetrics")
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
			EventStoreProperties.Outbox settings = properties.outbox();
			return new EventStoreOutboxBridge(outbox, jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()),
					settings.destination().isEmpty() ? null : settings.destination(), Set.copyOf(settings.eventTypes()));
		}

	}


	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
	@ConditionalOnBooleanProperty(name = "ddd.persistence.event-store.schema.migrate", matchIfMissing = true)
	static class SchemaConfiguration {

		// follows the application's Flyway (spring.flyway.*) when there is one; listed by
		// /actuator/flyway beside it, and never injected where a Flyway is wanted
		@Bean(name = "eventStoreFlyway", autowireCandidate = false)
		@ConditionalOnMissingBean(name = "eventStoreFlyway")
		Flyway eventStoreFlyway(DataSource dataSource, DatabaseVendors vendors, ObjectProvider<Flyway> application,
				EventStoreProperties properties) {
			Flyway flyway = application.getIfUnique();
			LibraryTables tables = properties.schema().tables();
			return ((flyway != null)
					? LibrarySchema.following(flyway.getConfiguration(), "event-store", vendors, tables)
					: new LibrarySchema(dataSource, "event-store", vendors, tables)).flyway();
		}

		@Bean(initMethod = "migrate")
		@ConditionalOnMissingBean(name = "eventStoreSchema")
		LibrarySchema eventStoreSchema(ListableBeanFactory beans, EventStoreProperties properties) {
			return LibrarySchema.migratedBy("event-store", beans.getBean("eventStoreFlyway", Flyway.class),
					tables(properties, beans));
		}

	}

	// before-application: the application's Flyway runs the library's scripts before its own
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.flywaydb.core.Flyway",
			"org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer" })
	@ConditionalOnProperty(name = "ddd.persistence.event-store.schema.order", havingValue = "before-application")
	static class SchemaFirstConfiguration {

		@Bean
		static FlywayConfigurationCustomizer eventStoreSchemaFirst(DatabaseVendors vendors,
				EventStoreProperties properties) {
			LibraryTables tables = properties.schema().tables();
			return (configuration) -> LibrarySchema.runFirst(configuration, "event-store", vendors, tables);
		}

	}

}
