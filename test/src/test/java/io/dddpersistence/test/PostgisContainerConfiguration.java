package io.dddpersistence.test;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * The testing page's example for users with Docker: a PostGIS container as a service connection.
 * Compiled with the module; it starts only where a Docker engine is (not on the machines this
 * project's CI runs on).
 */
// snippet-start
@TestConfiguration(proxyBeanMethods = false)
class PostgisContainerConfiguration {

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgis() {
		return PostgisContainers.postgis();
	}

}
// snippet-end
