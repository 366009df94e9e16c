package io.dddpersistence.vendor;

import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares {@link DatabaseVendors}, the one place the library learns which database a
 * {@link DataSource} is. Nothing is read at start-up: a database the library writes no SQL for
 * fails only when a capability that needs vendor SQL is switched on, with the setting that turns
 * that capability off. An application whose database reports a product name the library does not
 * know, although it speaks the SQL of one it does, declares a {@link DatabaseVendor} bean; it is
 * taken as the vendor of the application's data source. A {@link DatabaseVendors} bean of the
 * application's replaces this one. The capabilities' configurations import it, and Spring Boot
 * from {@code VendorAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class VendorConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DatabaseVendors dddPersistenceDatabaseVendors(ObjectProvider<DatabaseVendor> declared,
			ObjectProvider<DataSource> dataSources) {
		// providers, asked on the first question: this bean is wanted by post-processors, which must
		// not create the data source early
		return new DatabaseVendors((dataSource) -> {
			DatabaseVendor vendor = declared.getIfUnique();
			return (vendor != null && dataSource == dataSources.getIfUnique()) ? Optional.of(vendor) : Optional.empty();
		});
	}

}
