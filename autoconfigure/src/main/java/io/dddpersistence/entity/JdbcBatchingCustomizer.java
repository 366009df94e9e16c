package io.dddpersistence.entity;

import java.util.Map;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * The Hibernate settings that keep JDBC batching on (and time stamps in UTC); each one only where
 * the application has not set it in {@code spring.jpa.properties}.
 */
final class JdbcBatchingCustomizer implements HibernatePropertiesCustomizer {

	private final int batchSize;

	JdbcBatchingCustomizer(int batchSize) {
		this.batchSize = batchSize;
	}

	@Override
	public void customize(Map<String, Object> settings) {
		settings.putIfAbsent("hibernate.jdbc.batch_size", this.batchSize);
		settings.putIfAbsent("hibernate.order_inserts", true);
		settings.putIfAbsent("hibernate.order_updates", true);
		settings.putIfAbsent("hibernate.jdbc.batch_versioned_data", true);
		settings.putIfAbsent("hibernate.jdbc.time_zone", "UTC");
	}

}
