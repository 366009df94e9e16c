package io.dddpersistence.wakeup;

import javax.sql.DataSource;

import io.dddpersistence.vendor.DatabaseVendors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wake-ups across instances: on PostgreSQL, with its driver on the class path, one listener
 * connection for every {@link WakeUpChannel} bean of the context (the outbox's, the event
 * store's). The channels themselves are the capabilities' beans, made from their
 * {@code wake-ups.*} settings; without this configuration they wake the process only. Imported by
 * {@code OutboxConfiguration} and {@code EventStoreConfiguration}; replaced by a bean named
 * {@value #LISTENER}.
 */
@Configuration(proxyBeanMethods = false)
public class WakeUpConfiguration {

	/** The name of the listener bean. */
	public static final String LISTENER = "dddWakeUpListener";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.postgresql.PGConnection")
	static class PostgresqlConfiguration {

		@Bean(LISTENER)
		@ConditionalOnMissingBean(name = LISTENER)
		PostgresWakeUpListener dddWakeUpListener(DataSource dataSource, ObjectProvider<WakeUpChannel> channels,
				DatabaseVendors vendors) {
			return new PostgresWakeUpListener(dataSource, channels.orderedStream().toList(), vendors);
		}

	}

}
