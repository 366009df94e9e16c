package io.dddpersistence.repository;

/** The properties every repository integration test context shares (so the context is cached). */
final class RepositoryTestProperties {

	static final String ALL = "spring.jpa.hibernate.ddl-auto=create\nspring.flyway.enabled=false\n"
			+ "spring.jpa.open-in-view=false\nspring.jpa.properties.hibernate.generate_statistics=true\n"
			+ "logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=warn";

	private RepositoryTestProperties() {
	}

}
