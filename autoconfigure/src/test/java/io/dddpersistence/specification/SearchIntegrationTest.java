package io.dddpersistence.specification;

import io.dddpersistence.test.FreshDatabase;

import org.springframework.boot.test.context.SpringBootTest;

/** One application context (and database) for all search integration tests. */
@SpringBootTest(classes = SearchTestApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create", "spring.jpa.properties.hibernate.generate_statistics=true",
				"spring.flyway.enabled=false", "logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=warn" })
@FreshDatabase
abstract class SearchIntegrationTest {

}
