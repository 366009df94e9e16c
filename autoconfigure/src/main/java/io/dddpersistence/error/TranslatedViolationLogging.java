package io.dddpersistence.error;

import java.util.Map;

import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.jdbc.batch.internal.BatchBuilderImpl;
import org.hibernate.engine.jdbc.batch.internal.BatchBuilderInitiator;
import org.hibernate.engine.jdbc.batch.spi.BatchBuilder;
import org.hibernate.engine.jdbc.env.internal.JdbcEnvironmentInitiator;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Keeps the violations the library translates out of Hibernate's warnings: for an entity manager
 * factory whose settings carry {@link #ENABLED} (the auto-configuration adds it where it installs
 * {@link TranslatingJpaDialect}), Hibernate's JDBC environment and batch builder are wrapped so that
 * a unique or foreign-key violation is one debug line in {@code io.dddpersistence.error} instead of
 * Hibernate's warnings and batch notice. Other SQL errors are logged by Hibernate as before.
 * Without the setting, this contributor changes nothing.
 */
public final class TranslatedViolationLogging implements ServiceContributor {

	/** The Hibernate setting that turns this on for one entity manager factory. */
	public static final String ENABLED = "io.dddpersistence.error.translated-violations-at-debug";

	@Override
	public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
		Object enabled = serviceRegistryBuilder.getSettings().get(ENABLED);
		if (enabled != null && Boolean.parseBoolean(enabled.toString())) {
			serviceRegistryBuilder.addInitiator(new EnvironmentInitiator());
			serviceRegistryBuilder.addInitiator(new BatchInitiator());
		}
	}

	/** Hibernate's own environment, wrapped. */
	static final class EnvironmentInitiator implements StandardServiceInitiator<JdbcEnvironment> {

		@Override
		public Class<JdbcEnvironment> getServiceInitiated() {
			return JdbcEnvironment.class;
		}

		@Override
		public JdbcEnvironment initiateService(Map<String, Object> configurationValues,
				ServiceRegistryImplementor registry) {
			return new TranslatedViolationJdbcEnvironment(
					JdbcEnvironmentInitiator.INSTANCE.initiateService(configurationValues, registry));
		}

	}

	/** Hibernate's own batch builder, replaced only when it is the standard one. */
	static final class BatchInitiator implements StandardServiceInitiator<BatchBuilder> {

		@Override
		public Class<BatchBuilder> getServiceInitiated() {
			return BatchBuilder.class;
		}

		@Override
		public BatchBuilder initiateService(Map<String, Object> configurationValues, ServiceRegistryImplementor registry) {
			BatchBuilder hibernate = BatchBuilderInitiator.INSTANCE.initiateService(configurationValues, registry);
			if (hibernate.getClass() == BatchBuilderImpl.class) {
				return new TranslatedViolationBatchBuilder(((BatchBuilderImpl) hibernate).getJdbcBatchSize());
			}
			return hibernate;
		}

	}

}
