package io.dddpersistence.migration;

import org.jspecify.annotations.Nullable;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The schema the application's Flyway (Spring Boot's, configured from {@code spring.flyway.*})
 * migrates into, which the library's scripts follow when no schema of their own is configured.
 * Flyway is touched only when it is on the class path.
 */
final class ApplicationFlyway {

	private static final boolean PRESENT = ClassUtils.isPresent("org.flywaydb.core.Flyway",
			ApplicationFlyway.class.getClassLoader());

	private ApplicationFlyway() {
	}

	static @Nullable String defaultSchema(ListableBeanFactory beans) {
		return PRESENT ? Lookup.defaultSchema(beans) : null;
	}

	// loaded only when Flyway is there
	private static final class Lookup {

		static @Nullable String defaultSchema(ListableBeanFactory beans) {
			Flyway flyway = beans.getBeanProvider(Flyway.class).getIfUnique();
			return (flyway != null) ? ApplicationFlyway.defaultSchema(flyway.getConfiguration()) : null;
		}

	}

	/** Where Flyway puts what it migrates: its default schema, else the first of its schemas, else none set. */
	static @Nullable String defaultSchema(Configuration configuration) {
		String schema = configuration.getDefaultSchema();
		if (schema != null && !schema.isBlank()) {
			return schema;
		}
		String[] schemas = configuration.getSchemas();
		return (schemas != null && schemas.length > 0 && !schemas[0].isBlank()) ? schemas[0] : null;
	}

}
