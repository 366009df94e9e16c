package io.dddpersistence.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.ClassUtils;

/**
 * Applies {@link FreshDatabase}: each application context built for an annotated test class
 * gets a database of its own. Contexts cached by Spring's test framework keep theirs; the vendor is
 * part of the cache key, so the same configuration on H2 and on PostgreSQL are two contexts. On
 * PostgreSQL the database is a clone of the migrated template of the context's schema key
 * ({@link SchemaKey}) when one exists; else it is a new PostGIS database, and the context keeps it
 * as that template once migrated ({@link MigratedTemplate}).
 */
class FreshDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	// without Boot's ordering of database initializers a template could be taken at any moment
	private static final boolean BOOT_INITIALIZERS = ClassUtils.isPresent(
			"org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector",
			FreshDatabaseContextCustomizerFactory.class.getClassLoader());

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		FreshDatabase annotation = AnnotatedElementUtils.findMergedAnnotation(testClass, FreshDatabase.class);
		if (annotation == null) {
			return null;
		}
		return new FreshDatabaseCustomizer(annotation.value(), annotation.migratedTemplate());
	}

	private record FreshDatabaseCustomizer(Database vendor, boolean migratedTemplate) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			List<String> properties = new ArrayList<>();
			TestDatabase database;
			if (this.vendor == Database.H2) {
				database = TestDatabases.createH2();
			}
			else if (this.migratedTemplate) {
				String key = SchemaKey.of(context.getEnvironment(), context.getClassLoader());
				Optional<TestDatabase> cloned = TestDatabases.cloneMigrated(key);
				database = cloned.orElseGet(TestDatabases::create);
				if (cloned.isEmpty() && BOOT_INITIALIZERS && context instanceof BeanDefinitionRegistry registry) {
					// the first context of this schema: keep its database as the template, once migrated
					TestDatabase migrated = database;
					registry.registerBeanDefinition(MigratedTemplate.BEAN_NAME, new RootBeanDefinition(
							MigratedTemplate.class, () -> new MigratedTemplate(migrated, key)));
					properties.add("spring.datasource.hikari.allow-pool-suspension=true");
				}
			}
			else {
				database = TestDatabases.create();
			}
			properties.add("spring.datasource.url=" + database.url());
			properties.add("spring.datasource.username=" + database.username());
			properties.add("spring.datasource.password=" + database.password());
			properties.add("spring.datasource.driver-class-name=" + database.driverClassName());
			// cached test contexts keep their pools: hold few idle connections, so that many
			// contexts fit in the server's connection limit
			properties.add("spring.datasource.hikari.minimum-idle=1");
			properties.add("spring.datasource.hikari.idle-timeout=10000");
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, properties.toArray(String[]::new));
		}

	}

}
