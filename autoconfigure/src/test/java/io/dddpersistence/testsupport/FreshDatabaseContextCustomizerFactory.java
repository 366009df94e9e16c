package io.dddpersistence.testsupport;

import java.util.List;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Applies {@link FreshDatabase}: each application context built for an annotated test class
 * gets a database of its own. Contexts cached by Spring's test framework keep theirs.
 */
class FreshDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (!AnnotatedElementUtils.hasAnnotation(testClass, FreshDatabase.class)) {
			return null;
		}
		return new FreshDatabaseCustomizer();
	}

	private static final class FreshDatabaseCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
				org.springframework.test.context.MergedContextConfiguration mergedConfig) {
			TestDatabase database = TestDatabases.create();
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
					"spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(),
					"spring.datasource.driver-class-name=org.postgresql.Driver");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof FreshDatabaseCustomizer;
		}

		@Override
		public int hashCode() {
			return FreshDatabaseCustomizer.class.hashCode();
		}

	}

}
