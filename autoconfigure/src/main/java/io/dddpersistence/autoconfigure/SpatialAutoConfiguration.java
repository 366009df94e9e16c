package io.dddpersistence.autoconfigure;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.locationtech.jts.geom.Geometry;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

import io.dddpersistence.autoconfigure.EntityTraitsAutoConfiguration.DeclaredIndexes;
import io.dddpersistence.spatial.GeometryCheckListener;
import io.dddpersistence.spatial.SpatialStartupCheck;

/**
 * Spatial trait: the geometry type and SRID check on write, the spatial indexes in the start-up
 * index check, the SRID check, and on H2 the H2GIS functions loaded into each database. Backs off
 * without Hibernate Spatial and JTS.
 */
@AutoConfiguration(after = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ Geometry.class, org.hibernate.spatial.JTSGeometryJavaType.class, EntityManagerFactory.class })
public final class SpatialAutoConfiguration {

	@Bean
	static BeanPostProcessor geometryCheckInstaller() {
		return EntityManagerFactoryReady.then(GeometryCheckListener::install);
	}

	/**
	 * Loads H2GIS into an H2 database when the entity manager factory is ready, before any other bean
	 * can query: after the application's Flyway, which refuses to start on a schema that already
	 * holds H2GIS's tables.
	 */
	@Bean
	static BeanPostProcessor spatialFunctionsLoader() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractEntityManagerFactoryBean factory && factory.getDataSource() != null) {
					SpatialStartupCheck.prepare(factory.getDataSource());
				}
				return bean;
			}

		};
	}

	@Bean
	DeclaredIndexes spatialIndexes() {
		return SpatialStartupCheck::declaredIndexes;
	}

	@Bean
	@ConditionalOnBean({ DataSource.class, EntityManagerFactory.class })
	SmartInitializingSingleton spatialReferenceCheck(DataSource dataSource, EntityManagerFactory entityManagerFactory) {
		return () -> SpatialStartupCheck.verifySrids(dataSource, entityManagerFactory);
	}

}
