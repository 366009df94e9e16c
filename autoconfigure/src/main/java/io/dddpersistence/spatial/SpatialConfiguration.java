package io.dddpersistence.spatial;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.dddpersistence.entity.DeclaredIndexes;
import io.dddpersistence.entity.EntityManagerFactoryReady;
import io.dddpersistence.vendor.DatabaseVendors;
import io.dddpersistence.vendor.VendorConfiguration;

/**
 * The spatial trait's beans: the geometry type and SRID check on write, the spatial indexes in the
 * start-up index check, the SRID check, and on H2 the H2GIS functions loaded into each database.
 * Each backs off when the application declares a bean of the same name. Spring Boot imports it
 * from {@code SpatialAutoConfiguration}, which adds the ordering and the conditions on the
 * classpath; an application without Boot's auto-configuration may import it itself.
 */
@Configuration(proxyBeanMethods = false)
@Import(VendorConfiguration.class)
public class SpatialConfiguration {

	/**
	 * Installs the geometry check as soon as the entity manager factory is ready, before any other
	 * bean can open a session.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "geometryCheckInstaller")
	static BeanPostProcessor geometryCheckInstaller() {
		return EntityManagerFactoryReady.then((factory) -> {
			if (factory.getNativeEntityManagerFactory() != null) {
				GeometryCheckListener.install(factory.getNativeEntityManagerFactory());
			}
		});
	}

	/**
	 * Loads H2GIS into an H2 database when the entity manager factory is ready, before any other bean
	 * can query: after the application's Flyway, which refuses to start on a schema that already
	 * holds H2GIS's tables.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "spatialFunctionsLoader")
	static BeanPostProcessor spatialFunctionsLoader(ObjectProvider<DatabaseVendors> vendors) {
		return EntityManagerFactoryReady.then((factory) -> {
			if (factory.getDataSource() != null) {
				SpatialStartupCheck.prepare(factory.getDataSource(), vendors.getObject());
			}
		});
	}

	@Bean
	@ConditionalOnMissingBean(name = "spatialIndexes")
	DeclaredIndexes spatialIndexes() {
		return SpatialStartupCheck::declaredIndexes;
	}

	@Bean
	@ConditionalOnMissingBean(name = "spatialReferenceCheck")
	@ConditionalOnBean({ DataSource.class, EntityManagerFactory.class })
	SmartInitializingSingleton spatialReferenceCheck(DataSource dataSource, EntityManagerFactory entityManagerFactory,
			DatabaseVendors vendors) {
		return () -> SpatialStartupCheck.verifySrids(dataSource, entityManagerFactory, vendors);
	}

}
