package io.dddpersistence.autoconfigure;

import javax.sql.DataSource;

import io.dddpersistence.outbox.OutboxConfiguration;
import io.dddpersistence.outbox.OutboxProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Turns the transactional outbox on after the data source, Jackson, the brokers' templates and the
 * meter registry are configured; its beans are declared in {@link OutboxConfiguration}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		// the library's schemas follow the application's Flyway, and its Flyway beans come after Boot's condition on them
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, JsonMapper.class })
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "ddd.persistence.outbox.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboxProperties.class)
// the library's schema beans run before the beans marked @DependsOnDatabaseInitialization
@Import({ DatabaseInitializationDependencyConfigurer.class, OutboxConfiguration.class })
public final class OutboxAutoConfiguration {

}
