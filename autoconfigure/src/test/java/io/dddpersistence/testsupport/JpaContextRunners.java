package io.dddpersistence.testsupport;

import io.dddpersistence.test.TestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.core.NestedExceptionUtils;

import io.dddpersistence.autoconfigure.EntityOperationsAutoConfiguration;
import io.dddpersistence.autoconfigure.EntityTraitsAutoConfiguration;
import io.dddpersistence.autoconfigure.SpatialAutoConfiguration;
import io.dddpersistence.autoconfigure.TenantAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Context runners for start-up tests of the entity capabilities: a data source on one test
 * database, Hibernate, and the entity traits, tenant, spatial and entity operations configuration.
 */
public final class JpaContextRunners {

	private JpaContextRunners() {
	}

	/** A runner with JPA and the entity capabilities on the database; add the entities with a user configuration. */
	public static ApplicationContextRunner withEntityTraits(TestDatabase database) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, EntityTraitsAutoConfiguration.class,
					TenantAutoConfiguration.class, SpatialAutoConfiguration.class,
					EntityOperationsAutoConfiguration.class))
			.withPropertyValues(database.springProperties());
	}

	/** The root cause of a failed start-up, failing the test when the context started. */
	public static Throwable startupFailureCause(Throwable failure) {
		assertThat(failure).as("start-up failure").isNotNull();
		return NestedExceptionUtils.getMostSpecificCause(failure);
	}

}
