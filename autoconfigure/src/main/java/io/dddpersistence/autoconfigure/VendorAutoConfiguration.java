package io.dddpersistence.autoconfigure;

import javax.sql.DataSource;

import io.dddpersistence.vendor.DatabaseVendor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * The vendor of the application's {@link DataSource}, decided once and injected into every
 * capability whose SQL differs between databases. Lazy: a database the library writes no SQL for
 * fails start-up only when a capability that needs vendor SQL is switched on.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnSingleCandidate(DataSource.class)
public final class VendorAutoConfiguration {

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	DatabaseVendor dddPersistenceDatabaseVendor(DataSource dataSource) {
		return DatabaseVendor.of(dataSource, "a capability that is switched on");
	}

}
