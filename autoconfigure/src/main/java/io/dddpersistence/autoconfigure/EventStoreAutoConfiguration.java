package io.dddpersistence.autoconfigure;

import javax.sql.DataSource;

import io.dddpersistence.eventstore.EventStoreConfiguration;
import io.dddpersistence.eventstore.EventStoreProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Turns the event store on after the data source, JDBC, JPA and Jackson are configured; its beans
 * are declared in {@link EventStoreConfiguration}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		// the library's schemas follow the application's Flyway, and its Flyway beans come after Boot's condition on them
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, JsonMapper.class })
@ConditionalOnBean({ DataSource.class, PlatformTransactionManager.class })
@ConditionalOnBooleanProperty(name = "ddd.persistence.event-store.enabled", matchIfMissing = true)
@EnableConfigurationProperties(EventStoreProperties.class)
// the library's schema beans run before the beans marked @DependsOnDatabaseInitialization
@Import({ DatabaseInitializationDependencyConfigurer.class, EventStoreConfiguration.class })
public final class EventStoreAutoConfiguration {

}
