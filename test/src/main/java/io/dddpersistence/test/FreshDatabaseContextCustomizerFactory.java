package io.dddpersistence.test;

import java.util.List;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Applies {@link FreshDatabase}: each application context built for an annotated test class
 * gets a database of its own. Contexts cached by Spring's test framework keep theirs; the vendor is
 * part of the cache key, so the same configuration on H2 and on PostgreSQL are two contexts.
 */
class FreshDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		FreshDatabase annotation = AnnotatedElementUtils.findMergedAnnotation(testClass, FreshDatabase.class);
		if (annotation == null) {
			return null;
		}
		return new FreshDatabaseCustomizer(annotation.value());
	}

	private record FreshDatabaseCustomizer(Database vendor) implements ContextCustomizer {

		@Override
		public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
				org.springframework.test.context.MergedContextConfiguration mergedConfig) {
			TestDatabase database = (this.vendor == Database.H2) ? TestDatabases.createH2() : TestDatabases.create();
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
					"spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(),
					"spring.datasource.driver-class-name=" + database.driverClassName(),
					// cached test contexts keep their pools: hold few idle connections, so that many
					// contexts fit in the server's connection limit
					"spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000");
		}

	}

}
