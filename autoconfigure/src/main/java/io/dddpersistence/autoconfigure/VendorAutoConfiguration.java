package io.dddpersistence.autoconfigure;

import io.dddpersistence.vendor.VendorConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The vendor of each data source, decided once and injected into every capability whose SQL
 * differs between databases; its bean is declared in {@link VendorConfiguration}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Import(VendorConfiguration.class)
public final class VendorAutoConfiguration {

}
